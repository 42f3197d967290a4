package dev.weir.internals.keygroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.weir.config.WeirConfig;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyGroupsTest {

    private static final int G = WeirConfig.DEFAULT_KEY_GROUPS;
    private static final int KEY_COUNT = 100_000;

    private static List<byte[]> keys;

    @BeforeAll
    static void randomKeys() {
        Random random = new Random(20_240_601L);
        keys = new ArrayList<>(KEY_COUNT);
        for (int i = 0; i < KEY_COUNT; i++) {
            byte[] key = new byte[random.nextInt(65)];
            random.nextBytes(key);
            keys.add(key);
        }
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 2, 3, 4, 6, 8, 12, 16, 24, 32})
    void keyGroupPartitionMatchesKafkaDefaultPartitionerFor100kRandomKeys(int partitions) {
        assertThat(G % partitions).as("the partition count must divide G for this test").isZero();
        int mismatches = 0;
        byte[] firstMismatch = null;
        for (byte[] key : keys) {
            int viaKeyGroup = KeyGroups.partitionOf(KeyGroups.keyGroupOf(key, G), partitions);
            if (viaKeyGroup != BuiltInPartitioner.partitionForKey(key, partitions)) {
                mismatches++;
                if (firstMismatch == null) {
                    firstMismatch = key;
                }
            }
        }
        assertThat(mismatches).as("keys placed differently from Kafka's partitioner, first: %s",
                firstMismatch == null ? "-" : Arrays.toString(firstMismatch)).isZero();
    }

    @Test
    void everyPartitionGetsKeysSoTheComparisonCoversThemAll() {
        int partitions = 32;
        boolean[] hit = new boolean[partitions];
        for (byte[] key : keys) {
            hit[KeyGroups.partitionOf(KeyGroups.keyGroupOf(key, G), partitions)] = true;
        }
        for (int p = 0; p < partitions; p++) {
            assertThat(hit[p]).as("partition %d", p).isTrue();
        }
    }

    @ParameterizedTest(name = "G = {0}")
    @ValueSource(ints = {1, 7, 128, 40_320, 65_536})
    void keyGroupsLieInZeroToG(int keyGroups) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (byte[] key : keys) {
            int kg = KeyGroups.keyGroupOf(key, keyGroups);
            min = Math.min(min, kg);
            max = Math.max(max, kg);
        }
        assertThat(min).isGreaterThanOrEqualTo(0);
        assertThat(max).isLessThan(keyGroups);
    }

    @Test
    void keyGroupOfIsNonNegativeForAKeyWhoseHashIsNegative() {
        byte[] key = findKeyWithNegativeMurmur2();

        assertThat(Utils.murmur2(key)).isNegative();
        assertThat(KeyGroups.keyGroupOf(key, G)).isBetween(0, G - 1);
        assertThat(KeyGroups.partitionOf(KeyGroups.keyGroupOf(key, G), 12))
                .isEqualTo(BuiltInPartitioner.partitionForKey(key, 12));
    }

    @Test
    void aTaskOwnsExactlyTheKeyGroupsCongruentToItsPartition() {
        int partitions = 6;
        int[] owned = new int[partitions];
        for (int kg = 0; kg < G; kg++) {
            int p = KeyGroups.partitionOf(kg, partitions);
            assertThat(kg % partitions).isEqualTo(p);
            owned[p]++;
        }
        assertThat(owned).containsOnly(G / partitions);
    }

    @Test
    void dividesIsTrueForPartitionCountsThatDivideTheKeyGroupCount() {
        // 40320 = 8! = 2^7 * 3^2 * 5 * 7: every count up to 10 divides it; 11 is the smallest that does not.
        for (int p : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 16, 24, 32, 48, 64, 128, 40_320}) {
            assertThat(KeyGroups.divides(p, G)).as("%d divides %d", p, G).isTrue();
        }
        assertThat(KeyGroups.divides(100, 1000)).isTrue();
    }

    @Test
    void dividesIsFalseForPartitionCountsThatDoNotDivideOrAreNotPositive() {
        for (int p : new int[] {11, 13, 17, 25, 100, 256, 40_321, 80_640, 0, -1, -6}) {
            assertThat(KeyGroups.divides(p, G)).as("%d divides %d", p, G).isFalse();
        }
        assertThat(KeyGroups.divides(7, 1000)).isFalse();
    }

    @Test
    void aPartitionCountThatDoesNotDivideTheKeyGroupCountBreaksAgreementWithKafka() {
        int keyGroups = 40_320;
        int partitions = 11;
        assertThat(KeyGroups.divides(partitions, keyGroups)).isFalse();

        byte[] counterExample = null;
        for (byte[] key : keys) {
            if (KeyGroups.partitionOf(KeyGroups.keyGroupOf(key, keyGroups), partitions)
                    != BuiltInPartitioner.partitionForKey(key, partitions)) {
                counterExample = key;
                break;
            }
        }
        assertThat(counterExample).as("a key that Kafka puts elsewhere than its key group's task").isNotNull();
    }

    @Test
    void sevenPartitionsDisagreeWithKafkaWhenSevenDoesNotDivideTheKeyGroupCount() {
        int keyGroups = 1_000;
        int partitions = 7;
        long disagreeing = keys.stream()
                .filter(key -> KeyGroups.partitionOf(KeyGroups.keyGroupOf(key, keyGroups), partitions)
                        != BuiltInPartitioner.partitionForKey(key, partitions))
                .count();

        assertThat(disagreeing).isPositive();
    }

    private static byte[] findKeyWithNegativeMurmur2() {
        for (int i = 0; ; i++) {
            byte[] key = ("k" + i).getBytes(StandardCharsets.UTF_8);
            if (Utils.murmur2(key) < 0) {
                return key;
            }
        }
    }
}
