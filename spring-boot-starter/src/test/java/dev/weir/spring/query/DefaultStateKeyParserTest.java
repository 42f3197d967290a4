package dev.weir.spring.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.weir.runtime.QueryableOperator;
import dev.weir.spring.internals.DefaultSerdeResolver;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.ResolvableType;
import tools.jackson.databind.json.JsonMapper;

class DefaultStateKeyParserTest {

    private final DefaultStateKeyParser parser = new DefaultStateKeyParser(
            uid -> uid.equals("by-day") ? Optional.of(DayOfWeek.class) : Optional.empty(),
            ApplicationConversionService.getSharedInstance());

    record Region(String country, int zone) {
    }

    @Test
    void kafkasOwnSerdesParseTheirTypes() {
        assertThat(parser.parse("acct-7", operator(Serdes.String()))).isEqualTo("acct-7");
        assertThat(parser.parse("42", operator(Serdes.Long()))).isEqualTo(42L);
        assertThat(parser.parse("42", operator(Serdes.Integer()))).isEqualTo(42);
        UUID id = UUID.randomUUID();
        assertThat(parser.parse(id.toString(), operator(Serdes.UUID()))).isEqualTo(id);
    }

    @Test
    void anyOtherSerdeReadsTheTextsBytesSoJsonKeysAreGivenAsJson() {
        Serde<?> json = new DefaultSerdeResolver(JsonMapper.builder().build()).serdeFor(ResolvableType.forClass(Region.class));

        assertThat(parser.parse("{\"country\":\"NL\",\"zone\":3}", operator(json))).isEqualTo(new Region("NL", 3));
    }

    @Test
    void aKnownKeyTypeIsConvertedToFromText() {
        QueryableOperator byDay = new QueryableOperator("by-day", Serdes.String(), Map.of("state", "value"));

        assertThat(parser.parse("MONDAY", byDay)).isEqualTo(DayOfWeek.MONDAY);
    }

    @Test
    void textThatIsNoKeyFails() {
        assertThatThrownBy(() -> parser.parse("forty-two", operator(Serdes.Long())))
                .isInstanceOf(NumberFormatException.class);
    }

    private static QueryableOperator operator(Serde<?> keySerde) {
        return new QueryableOperator("op", keySerde, Map.of("state", "value"));
    }
}
