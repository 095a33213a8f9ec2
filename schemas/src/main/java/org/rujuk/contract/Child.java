package org.rujuk.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * The child a referral is about, described without naming it: initials, never the name. At least one of
 * {@code birthDate} and {@code ageYears} is given; {@code nik} is optional.
 *
 * <p>{@link #toString()} prints none of the fields, so a record that reaches a log identifies no one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Child(String initials, Sex sex, LocalDate birthDate, Integer ageYears, String district, String nik) {

    @Override
    public String toString() {
        return "Child[redacted]";
    }
}
