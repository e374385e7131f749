package io.jenkins.plugins.packagepipeline.cli;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.time.Duration;
import java.util.Locale;

/**
 * The one format of every duration option of the command line: {@code 90s}, {@code 10m}, {@code 24h}, {@code 7d},
 * plain seconds, or ISO-8601 ({@code PT10M}).
 */
final class DurationOption {
    private DurationOption() {
    }

    /**
     * Parses the value of a duration option.
     *
     * @param option the option's name, for the message
     * @throws PackagePipelineException naming the option and the value when it is not a duration
     */
    static Duration parse(String text, String option) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t);
            }
            char unit = t.charAt(t.length() - 1);
            long amount = Character.isDigit(unit) ? Long.parseLong(t) : Long.parseLong(t.substring(0, t.length() - 1));
            return switch (unit) {
                case 'd' -> Duration.ofDays(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 's' -> Duration.ofSeconds(amount);
                default -> {
                    if (!Character.isDigit(unit)) {
                        throw new NumberFormatException("unit " + unit);
                    }
                    yield Duration.ofSeconds(amount);
                }
            };
        } catch (RuntimeException e) {
            throw new PackagePipelineException(option + " '" + text + "' is not a duration like 90s, 10m, 24h, 7d"
                    + " or PT10M");
        }
    }
}
