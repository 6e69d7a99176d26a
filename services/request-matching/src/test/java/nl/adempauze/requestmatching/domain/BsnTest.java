package nl.adempauze.requestmatching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BsnTest {

    @ParameterizedTest
    @CsvSource({
            "111222333, true",
            "123456782, true",
            "123456789, false",
            "000000000, false",
            "12345678, false",
            "1234567820, false",
            "12345678a, false"})
    void passesTheElevenTestOnlyWithNineDigits(String bsn, boolean valid) {
        assertThat(Bsn.isValid(bsn)).isEqualTo(valid);
    }
}
