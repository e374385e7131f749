package io.jenkins.plugins.packagepipeline.jenkins.snippets;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calls with named arguments in a piece of Jenkinsfile Groovy, enough of Groovy's syntax to read documentation
 * snippets: {@code step(key: value, ...)} and the parenthesis-free {@code step key: value, ...}, strings
 * ({@code '...'}, {@code "..."}, triple-quoted) and comments skipped, nested brackets and closures respected, method
 * calls on objects ({@code result.findAll(...)}) left out. A call's arguments are scanned for calls too.
 */
final class GroovyCalls {

    /** How a literal argument value reads; {@code EXPRESSION} for anything computed (a variable, a property). */
    enum ValueKind { STRING, INTEGER, DECIMAL, BOOLEAN, LIST, MAP, EXPRESSION }

    record Argument(String name, String value, ValueKind kind) {
    }

    /** One call: the function name, the line it is on (1-based), its named arguments and how many positional ones. */
    record Call(String name, int line, List<Argument> named, int positional) {
    }

    private static final Set<String> KEYWORDS = Set.of("def", "return", "new", "in", "instanceof", "as", "case",
            "if", "else", "for", "while", "import", "throw", "assert", "true", "false", "null", "this");
    private static final Pattern NAMED = Pattern.compile("^\\s*([A-Za-z_]\\w*)\\s*:(?!:)\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern COMMAND_ARGS = Pattern.compile("^[ \\t]+[A-Za-z_]\\w*\\s*:(?!:)");

    private final String code;

    private GroovyCalls(String code) {
        this.code = code;
    }

    /** Every call with its arguments, in the order they appear. */
    static List<Call> parse(String code) {
        return new GroovyCalls(code).calls();
    }

    private List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        int i = 0;
        while (i < code.length()) {
            int skipped = skipCommentOrString(i);
            if (skipped != i) {
                i = skipped;
                continue;
            }
            char c = code.charAt(i);
            if (!Character.isJavaIdentifierStart(c) || i > 0 && Character.isJavaIdentifierPart(code.charAt(i - 1))) {
                i++;
                continue;
            }
            int end = i;
            while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
                end++;
            }
            String name = code.substring(i, end);
            boolean member = previousNonBlank(i) == '.';
            int after = end;
            while (after < code.length() && (code.charAt(after) == ' ' || code.charAt(after) == '\t')) {
                after++;
            }
            if (!member && !KEYWORDS.contains(name) && after < code.length() && code.charAt(after) == '(') {
                int close = matching(after);
                calls.add(call(name, i, code.substring(after + 1, close)));
                i = after + 1; // the arguments may hold calls too
                continue;
            }
            if (!member && !KEYWORDS.contains(name) && COMMAND_ARGS.matcher(code.substring(end)).find()) {
                int stop = commandEnd(end);
                calls.add(call(name, i, code.substring(end, stop)));
                i = end;
                continue;
            }
            i = end;
        }
        return calls;
    }

    private Call call(String name, int at, String arguments) {
        List<Argument> named = new ArrayList<>();
        int positional = 0;
        for (String piece : splitTopLevel(arguments)) {
            if (piece.isBlank()) {
                continue;
            }
            Matcher m = NAMED.matcher(piece);
            if (m.matches()) {
                String value = m.group(2).strip();
                named.add(new Argument(m.group(1), value, kindOf(value)));
            } else {
                positional++;
            }
        }
        int line = 1;
        for (int k = 0; k < at; k++) {
            if (code.charAt(k) == '\n') {
                line++;
            }
        }
        return new Call(name, line, named, positional);
    }

    /** The kind of a literal value. */
    static ValueKind kindOf(String value) {
        String v = value.strip();
        if (v.startsWith("'") || v.startsWith("\"")) {
            return closesAt(v, 0) == v.length() ? ValueKind.STRING : ValueKind.EXPRESSION;
        }
        if (v.equals("true") || v.equals("false")) {
            return ValueKind.BOOLEAN;
        }
        if (v.matches("-?\\d+[lL]?")) {
            return ValueKind.INTEGER;
        }
        if (v.matches("-?\\d+\\.\\d+")) {
            return ValueKind.DECIMAL;
        }
        if (v.startsWith("[") && new GroovyCalls(v).matching(0) == v.length() - 1) {
            String inside = v.substring(1, v.length() - 1).strip();
            if (inside.equals(":")) {
                return ValueKind.MAP;
            }
            List<String> items = splitTopLevel(inside);
            return !items.isEmpty() && NAMED.matcher(items.get(0)).matches() ? ValueKind.MAP : ValueKind.LIST;
        }
        return ValueKind.EXPRESSION;
    }

    /** Where the string literal starting at {@code start} of {@code text} ends (exclusive). */
    private static int closesAt(String text, int start) {
        return new GroovyCalls(text).skipCommentOrString(start);
    }

    private char previousNonBlank(int index) {
        for (int k = index - 1; k >= 0; k--) {
            if (!Character.isWhitespace(code.charAt(k))) {
                return code.charAt(k);
            }
        }
        return 0;
    }

    /**
     * The first index from {@code from}, outside comments and strings, where {@code stop} holds (given the bracket
     * depth before that character), or the end of the code.
     */
    private int scan(int from, DepthStop stop) {
        int depth = 0;
        int k = from;
        while (k < code.length()) {
            int skipped = skipCommentOrString(k);
            if (skipped != k) {
                k = skipped;
                continue;
            }
            char c = code.charAt(k);
            if (stop.at(k, c, depth)) {
                return k;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
            k++;
        }
        return k;
    }

    /** Where a {@link #scan} stops. */
    private interface DepthStop {
        boolean at(int index, char c, int depth);
    }

    private static boolean isClosing(char c) {
        return c == ')' || c == ']' || c == '}';
    }

    /** The end of a parenthesis-free call's arguments: the end of its line, or later lines while one ends in ','. */
    private int commandEnd(int from) {
        return scan(from, (k, c, depth) -> depth == 0 && (c == '{' || isClosing(c)
                || c == '\n' && !code.substring(from, k).stripTrailing().endsWith(",")));
    }

    /** The index of the bracket closing the one at {@code open}. */
    private int matching(int open) {
        int close = scan(open, (k, c, depth) -> depth == 1 && isClosing(c));
        if (close >= code.length()) {
            throw new IllegalArgumentException("unbalanced brackets from " + code.substring(open,
                    Math.min(code.length(), open + 60)));
        }
        return close;
    }

    /** The comma-separated pieces of {@code text} outside any bracket, string or closure. */
    private static List<String> splitTopLevel(String text) {
        GroovyCalls inner = new GroovyCalls(text);
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (true) {
            int comma = inner.scan(start, (k, c, depth) -> depth == 0 && c == ',');
            pieces.add(text.substring(start, comma));
            if (comma >= text.length()) {
                return pieces;
            }
            start = comma + 1;
        }
    }

    /** Past the comment or string literal at {@code k}, or {@code k} itself when there is none. */
    private int skipCommentOrString(int k) {
        if (code.startsWith("//", k)) {
            int eol = code.indexOf('\n', k);
            return eol < 0 ? code.length() : eol;
        }
        if (code.startsWith("/*", k)) {
            int close = code.indexOf("*/", k + 2);
            return close < 0 ? code.length() : close + 2;
        }
        for (String quote : List.of("'''", "\"\"\"", "'", "\"")) {
            if (code.startsWith(quote, k)) {
                int j = k + quote.length();
                while (j < code.length() && !code.startsWith(quote, j)) {
                    j += code.charAt(j) == '\\' ? 2 : 1;
                }
                return Math.min(code.length(), j + quote.length());
            }
        }
        return k;
    }
}
