package dev.weir.benchmarks.workloads;

import java.util.SplittableRandom;

/**
 * Nexmark events (people, auctions, bids) as CSV values without keys, modelled on Apache Beam's
 * Nexmark generator ({@code org.apache.beam.sdk.nexmark.sources.generator}: {@code Generator},
 * {@code GeneratorConfig}, {@code PersonGenerator}, {@code AuctionGenerator},
 * {@code BidGenerator}) with the defaults of its {@code NexmarkConfiguration}. Written anew,
 * following its rules:
 * <ul>
 *   <li>Event {@code n} is a person, an auction or a bid by {@code n mod 50}: 1 : 3 : 46.</li>
 *   <li>Event time {@code baseTime + n × interEventDelay}, 10,000 events per second (100 µs
 *       apart), in order ({@code outOfOrderGroupSize} 1, no delayed events).</li>
 *   <li>Ids are dense and start at 1000 (persons, auctions) and 10 (categories, 5 of them); a
 *       person's or auction's id is the number of persons or auctions before it.</li>
 *   <li>A bid is on the hot auction with probability 1 − 1/{@value #HOT_AUCTION_RATIO}: the
 *       first auction of the latest batch of 100; otherwise on an auction drawn uniformly from
 *       the latest {@value #IN_FLIGHT_AUCTIONS} plus 10 ids ahead. Its bidder is the hot bidder
 *       (the second person of the latest batch of 100) with probability
 *       1 − 1/{@value #HOT_BIDDERS_RATIO}, otherwise a person drawn uniformly from the latest
 *       {@value #ACTIVE_PEOPLE} plus 10 ahead. An auction's seller is the hot seller (the first
 *       person of the latest batch of 100) with probability 1 − 1/{@value #HOT_SELLERS_RATIO},
 *       otherwise drawn as a bidder is.</li>
 *   <li>Prices are {@code round(10^(6u) × 100)} cents for uniform {@code u}; a reserve is the
 *       initial bid plus such a price; an auction expires after 1 ms plus a uniform draw below
 *       twice the event time it takes to create 100 more auctions.</li>
 *   <li>Random text is 3 to n−1 letters with about one space in 13, trimmed; each event is padded
 *       with a random-letter {@code extra} field whose length is uniform within ±20 % of what
 *       brings it to its average size: person 200, auction 500, bid 100 bytes.</li>
 * </ul>
 * Where it differs: each event draws from a {@link SplittableRandom} seeded by a hash of the
 * generator's seed and the event number (Beam seeds {@code java.util.Random} with the event id),
 * so the exact values differ from Beam's; the name, city and state vocabularies are this class's
 * own; the average sizes are of the CSV line, not of Beam's object model; bids carry a channel
 * (one of four) and a URL, as in the Nexmark benchmark's later bid schema; times are epoch
 * milliseconds and the base time is fixed at {@value #BASE_TIME}, not the wall clock.
 *
 * <p>CSV, fields without commas:
 * <pre>
 * P,&lt;id&gt;,&lt;name&gt;,&lt;email&gt;,&lt;creditCard&gt;,&lt;city&gt;,&lt;state&gt;,&lt;dateTime&gt;,&lt;extra&gt;
 * A,&lt;id&gt;,&lt;itemName&gt;,&lt;description&gt;,&lt;initialBid&gt;,&lt;reserve&gt;,&lt;dateTime&gt;,&lt;expires&gt;,&lt;seller&gt;,&lt;category&gt;,&lt;extra&gt;
 * B,&lt;auction&gt;,&lt;bidder&gt;,&lt;price&gt;,&lt;channel&gt;,&lt;url&gt;,&lt;dateTime&gt;,&lt;extra&gt;
 * </pre>
 */
public final class NexmarkGenerator implements InputGenerator {

    /** The default seed. */
    public static final long DEFAULT_SEED = 20_261_130L;
    /** Event time of event 0. */
    public static final long BASE_TIME = 1_700_000_000_000L;
    /** Events per second of event time ({@code firstEventRate}). */
    public static final int EVENTS_PER_SECOND = 10_000;
    /** Persons in every {@link #PROPORTION_DENOMINATOR} events. */
    public static final int PERSON_PROPORTION = 1;
    /** Auctions in every {@link #PROPORTION_DENOMINATOR} events. */
    public static final int AUCTION_PROPORTION = 3;
    /** Bids in every {@link #PROPORTION_DENOMINATOR} events. */
    public static final int BID_PROPORTION = 46;
    /** The length of the person, auction, bid cycle. */
    public static final int PROPORTION_DENOMINATOR = PERSON_PROPORTION + AUCTION_PROPORTION + BID_PROPORTION;
    /** One bid in this many is not on the hot auction. */
    public static final int HOT_AUCTION_RATIO = 2;
    /** One bid in this many is not by the hot bidder. */
    public static final int HOT_BIDDERS_RATIO = 4;
    /** One auction in this many is not by the hot seller. */
    public static final int HOT_SELLERS_RATIO = 4;
    /** How many of the latest persons bid and sell. */
    public static final int ACTIVE_PEOPLE = 1_000;
    /** How many of the latest auctions receive bids. */
    public static final int IN_FLIGHT_AUCTIONS = 100;
    /** The first person id. */
    public static final long FIRST_PERSON_ID = 1_000;
    /** The first auction id. */
    public static final long FIRST_AUCTION_ID = 1_000;
    /** Average CSV bytes of a person. */
    public static final int PERSON_BYTES = 200;
    /** Average CSV bytes of an auction. */
    public static final int AUCTION_BYTES = 500;
    /** Average CSV bytes of a bid. */
    public static final int BID_BYTES = 100;
    /** Hot auctions, bidders and sellers are the first (or second) of a batch of this many ids. */
    public static final int HOT_BATCH = 100;

    private static final long INTER_EVENT_DELAY_MICROS = 1_000_000L / EVENTS_PER_SECOND;
    private static final long FIRST_CATEGORY_ID = 10;
    private static final int CATEGORIES = 5;
    private static final int ID_LEAD = 10;
    private static final String[] FIRST_NAMES = {"Ada", "Bert", "Chloe", "Dmitri", "Elena", "Farid", "Greta",
        "Hiro", "Ines", "Jonas", "Kemal"};
    private static final String[] LAST_NAMES = {"Archer", "Brandt", "Castillo", "Dumont", "Eriksen", "Fischer",
        "Gallo", "Hughes", "Iversen"};
    private static final String[] CITIES = {"Tucson", "Oakland", "Fresno", "Boise", "Eugene", "Salem", "Spokane",
        "Tacoma", "Yakima", "Laramie"};
    private static final String[] STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};
    private static final String[] CHANNELS = {"Google", "Facebook", "Baidu", "Apple"};

    private final long seed;
    private long next;

    /** The generator with {@link #DEFAULT_SEED}. */
    public NexmarkGenerator() {
        this(DEFAULT_SEED);
    }

    /** A generator whose random fields follow {@code seed}; ids, kinds and times do not depend on it. */
    public NexmarkGenerator(long seed) {
        this.seed = seed;
    }

    @Override
    public InputKind kind() {
        return InputKind.NEXMARK;
    }

    @Override
    public InputRecord next() {
        return event(next++);
    }

    /** Event {@code n}, independent of what was generated before. */
    public InputRecord event(long n) {
        long timestamp = timestampOf(n);
        SplittableRandom random = new SplittableRandom(mix64(seed ^ mix64(n + 1)));
        long slot = n % PROPORTION_DENOMINATOR;
        String value;
        if (slot < PERSON_PROPORTION) {
            value = person(n, random, timestamp);
        } else if (slot < PERSON_PROPORTION + AUCTION_PROPORTION) {
            value = auction(n, random, timestamp);
        } else {
            value = bid(n, random, timestamp);
        }
        return new InputRecord(null, value, timestamp);
    }

    /** The event time of event {@code n}. */
    public static long timestampOf(long n) {
        return BASE_TIME + n * INTER_EVENT_DELAY_MICROS / 1000;
    }

    /** The id (without {@link #FIRST_PERSON_ID}) of the latest person at event {@code n}, or the one it creates. */
    static long lastPersonId(long n) {
        long cycle = n / PROPORTION_DENOMINATOR;
        long slot = n % PROPORTION_DENOMINATOR;
        return cycle * PERSON_PROPORTION + Math.min(slot, PERSON_PROPORTION - 1);
    }

    /** The id (without {@link #FIRST_AUCTION_ID}) of the latest auction at event {@code n}, or the one it creates. */
    static long lastAuctionId(long n) {
        long cycle = n / PROPORTION_DENOMINATOR;
        long slot = n % PROPORTION_DENOMINATOR;
        if (slot < PERSON_PROPORTION) {
            return cycle * AUCTION_PROPORTION - 1;
        }
        return cycle * AUCTION_PROPORTION + Math.min(slot - PERSON_PROPORTION, AUCTION_PROPORTION - 1);
    }

    /** The hot auction at event {@code n}, with {@link #FIRST_AUCTION_ID}. */
    public static long hotAuction(long n) {
        return Math.max(0, lastAuctionId(n)) / HOT_BATCH * HOT_BATCH + FIRST_AUCTION_ID;
    }

    private String person(long n, SplittableRandom random, long timestamp) {
        long id = lastPersonId(n) + FIRST_PERSON_ID;
        String name = pick(random, FIRST_NAMES) + " " + pick(random, LAST_NAMES);
        String email = text(random, 7) + "@" + text(random, 5) + ".com";
        StringBuilder card = new StringBuilder(19);
        for (int i = 0; i < 4; i++) {
            if (i > 0) {
                card.append(' ');
            }
            String digits = Integer.toString(random.nextInt(10_000));
            card.append("0".repeat(4 - digits.length())).append(digits);
        }
        String line = "P," + id + ',' + name + ',' + email + ',' + card + ',' + pick(random, CITIES) + ','
                + pick(random, STATES) + ',' + timestamp + ',';
        return line + extra(random, line.length(), PERSON_BYTES);
    }

    private String auction(long n, SplittableRandom random, long timestamp) {
        long id = lastAuctionId(n) + FIRST_AUCTION_ID;
        long seller = random.nextInt(HOT_SELLERS_RATIO) > 0
                ? lastPersonId(n) / HOT_BATCH * HOT_BATCH + FIRST_PERSON_ID
                : activePerson(n, random) + FIRST_PERSON_ID;
        long category = FIRST_CATEGORY_ID + random.nextInt(CATEGORIES);
        long initialBid = price(random);
        long auctionsAheadEvents = (long) IN_FLIGHT_AUCTIONS * PROPORTION_DENOMINATOR / AUCTION_PROPORTION;
        long horizon = timestampOf(n + auctionsAheadEvents) - timestamp;
        long expires = timestamp + 1 + random.nextLong(Math.max(2 * horizon, 1));
        String name = text(random, 20);
        String description = text(random, 100);
        long reserve = initialBid + price(random);
        String line = "A," + id + ',' + name + ',' + description + ',' + initialBid + ',' + reserve + ','
                + timestamp + ',' + expires + ',' + seller + ',' + category + ',';
        return line + extra(random, line.length(), AUCTION_BYTES);
    }

    private String bid(long n, SplittableRandom random, long timestamp) {
        long auction = random.nextInt(HOT_AUCTION_RATIO) > 0
                ? hotAuction(n)
                : inFlightAuction(n, random) + FIRST_AUCTION_ID;
        long bidder = random.nextInt(HOT_BIDDERS_RATIO) > 0
                ? lastPersonId(n) / HOT_BATCH * HOT_BATCH + 1 + FIRST_PERSON_ID
                : activePerson(n, random) + FIRST_PERSON_ID;
        long price = price(random);
        String channel = pick(random, CHANNELS);
        String url = "https://www.nexmark.com/" + letters(random, 5) + "/item.htm?query=1";
        String line = "B," + auction + ',' + bidder + ',' + price + ',' + channel + ',' + url + ',' + timestamp + ',';
        return line + extra(random, line.length(), BID_BYTES);
    }

    /** One of the latest {@link #IN_FLIGHT_AUCTIONS} auctions, or up to 10 ids ahead of the latest. */
    private static long inFlightAuction(long n, SplittableRandom random) {
        long latest = Math.max(0, lastAuctionId(n));
        long oldest = Math.max(latest - IN_FLIGHT_AUCTIONS, 0);
        return oldest + random.nextLong(latest - oldest + 1 + ID_LEAD);
    }

    /** One of the latest {@link #ACTIVE_PEOPLE} persons, or up to 10 ids ahead of the latest. */
    private static long activePerson(long n, SplittableRandom random) {
        long people = lastPersonId(n) + 1;
        long active = Math.min(people, ACTIVE_PEOPLE);
        return people - active + random.nextLong(active + ID_LEAD);
    }

    private static long price(SplittableRandom random) {
        return Math.round(Math.pow(10.0, random.nextDouble() * 6.0) * 100.0);
    }

    /** 3 to {@code maxLength - 1} characters, about one in 13 a space, trimmed. */
    private static String text(SplittableRandom random, int maxLength) {
        int length = 3 + random.nextInt(maxLength - 3);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(random.nextInt(13) == 0 ? ' ' : (char) ('a' + random.nextInt(26)));
        }
        return sb.toString().trim();
    }

    private static String letters(SplittableRandom random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    /** Letters that bring {@code currentSize} to {@code averageSize} on average, within ±20 % of the gap. */
    private static String extra(SplittableRandom random, int currentSize, int averageSize) {
        if (currentSize >= averageSize) {
            return "";
        }
        int gap = averageSize - currentSize;
        int delta = (int) Math.round(gap * 0.2);
        return letters(random, gap - delta + (delta == 0 ? 0 : random.nextInt(2 * delta + 1)));
    }

    private static String pick(SplittableRandom random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** MurmurHash3's 64-bit finalizer: nearby inputs give unrelated seeds. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb93e53d62a1bL;
        return z ^ (z >>> 33);
    }
}
