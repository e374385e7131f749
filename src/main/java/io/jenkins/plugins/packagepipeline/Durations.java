package io.jenkins.plugins.packagepipeline;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way durations are written everywhere: the command line's options, the configuration file and the
 * Jenkins steps. A whole number with a unit, {@code s}, {@code m}, {@code h} or {@code d} ({@code 90s},
 * {@code 30m}, {@code 2h}, {@code 7d}), or ISO-8601 ({@code PT1H30M}, {@code P7D}). A bare number is refused,
 * since nothing tells whether it means seconds or days; the single exception is the age of a purge
 * ({@link #parseAge}), where a bare number keeps meaning days as it always did.
 */
public final class Durations {

    /** The accepted forms, for messages and help texts. */
    public static final String SYNTAX = "a whole number with a unit s, m, h or d (90s, 30m, 2h, 7d), or ISO-8601"
            + " (PT1H30M)";

    private static final Pattern WITH_UNIT = Pattern.compile("(\\d{1,9})\\s*([smhd])");
    private static final Pattern BARE_NUMBER = Pattern.compile("\\d{1,9}");

    private Durations() {
    }

    /**
     * Parses a duration of zero or more.
     *
     * @param what what the value is, for the message, e.g. {@code --grace} or
     *     {@code Configuration file f.yaml: field 'git-timeout'}
     * @throws PackagePipelineException naming {@code what}, the value and the accepted forms
     */
    public static Duration parse(String text, String what) {
        Duration duration = read(text, what, false);
        if (duration.isNegative()) {
            throw new PackagePipelineException(what + " '" + text + "' is negative; write " + SYNTAX + ".");
        }
        return duration;
    }

    /** Parses a duration of more than zero (a timeout, a lease); otherwise as {@link #parse}. */
    public static Duration parsePositive(String text, String what) {
        Duration duration = parse(text, what);
        if (duration.isZero()) {
            throw new PackagePipelineException(what + " '" + text + "' must be more than zero; write " + SYNTAX
                    + ".");
        }
        return duration;
    }

    /**
     * Parses the age of what a purge removes, more than zero: any duration, or a bare number of days ({@code 14}
     * is {@code 14d}), as the purge has always taken days.
     */
    public static Duration parseAge(String text, String what) {
        Duration duration = read(text, what, true);
        if (duration.isNegative() || duration.isZero()) {
            throw new PackagePipelineException(what + " '" + text + "' must be more than zero; write " + SYNTAX
                    + ", or a number of days.");
        }
        return duration;
    }

    /** The shortest exact form of {@code duration} in this syntax, e.g. {@code 14d}, {@code 90m}, {@code 45s}. */
    public static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (duration.getNano() != 0 || seconds < 0) {
            return duration.toString();
        }
        if (seconds != 0 && seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds != 0 && seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    private static Duration read(String text, String what, boolean bareMeansDays) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = WITH_UNIT.matcher(t);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        if (bareMeansDays && BARE_NUMBER.matcher(t).matches()) {
            return Duration.ofDays(Long.parseLong(t));
        }
        if (t.startsWith("p")) {
            try {
                return Duration.parse(t);
            } catch (DateTimeParseException e) {
                // refused below, with the accepted forms
            }
        }
        String hint = BARE_NUMBER.matcher(t).matches() ? " (a bare number is refused: add its unit, e.g. " + t
                + "s or " + t + "m)" : "";
        throw new PackagePipelineException(what + " '" + text + "' is not a duration" + hint + "; write " + SYNTAX
                + ".");
    }
}
