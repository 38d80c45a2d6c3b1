package io.switchboard.mention.triage.pii;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code @pytest.mark.parametrize} tables of presidio's recognizer tests (copied verbatim
 * into src/test/resources/pii-test-vectors, MIT) so the vectors stay exactly as published. Handles
 * the Python literals those tables use: strings, integers, floats, tuples and lists.
 */
final class PresidioVectors {

    private static final Pattern PARAMETRIZE = Pattern.compile("@pytest\\.mark\\.parametrize\\(");
    private static final Pattern TEST_NAME = Pattern.compile("def (test_\\w+)\\(");

    private PresidioVectors() {
    }

    /** The parameter rows of every parametrized test in the file, by test function name. */
    static Map<String, List<List<Object>>> read(String resource) {
        String source = load(resource);
        Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
        Matcher m = PARAMETRIZE.matcher(source);
        while (m.find()) {
            int listStart = source.indexOf('[', m.end());
            Parser parser = new Parser(source, listStart);
            @SuppressWarnings("unchecked")
            List<Object> rows = (List<Object>) parser.value();
            Matcher name = TEST_NAME.matcher(source);
            if (!name.find(parser.pos)) {
                throw new IllegalStateException("no test function after a parametrize table in " + resource);
            }
            List<List<Object>> typed = new ArrayList<>();
            for (Object row : rows) {
                @SuppressWarnings("unchecked")
                List<Object> r = (List<Object>) row;
                typed.add(r);
            }
            tables.put(name.group(1), typed);
        }
        return tables;
    }

    /** Spans such as {@code ((0, 16), (17, 36),)} as int pairs. */
    static List<int[]> spans(Object value) {
        List<int[]> spans = new ArrayList<>();
        for (Object pair : (List<?>) value) {
            List<?> p = (List<?>) pair;
            spans.add(new int[] {((Number) p.get(0)).intValue(), ((Number) p.get(1)).intValue()});
        }
        return spans;
    }

    private static String load(String resource) {
        try (InputStream in = PresidioVectors.class.getResourceAsStream("/pii-test-vectors/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s, int pos) {
            this.s = s;
            this.pos = pos;
        }

        Object value() {
            skip();
            char c = s.charAt(pos);
            if (c == '[' || c == '(') {
                return sequence(c == '[' ? ']' : ')');
            }
            if (c == '"' || c == '\'') {
                return string(c);
            }
            int start = pos;
            while (pos < s.length() && "0123456789.-+eE".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            String number = s.substring(start, pos);
            if (number.isEmpty()) {
                throw new IllegalStateException("unexpected '" + c + "' at " + pos);
            }
            return number.contains(".") ? (Object) Double.valueOf(number) : (Object) Integer.valueOf(number);
        }

        private List<Object> sequence(char close) {
            pos++;
            List<Object> items = new ArrayList<>();
            while (true) {
                skip();
                if (s.charAt(pos) == close) {
                    pos++;
                    return items;
                }
                items.add(value());
                skip();
                if (s.charAt(pos) == ',') {
                    pos++;
                }
            }
        }

        private String string(char quote) {
            StringBuilder out = new StringBuilder();
            pos++;
            while (s.charAt(pos) != quote) {
                char c = s.charAt(pos++);
                if (c == '\\') {
                    char e = s.charAt(pos++);
                    out.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        default -> e;
                    });
                } else {
                    out.append(c);
                }
            }
            pos++;
            skip();
            // Adjacent literals concatenate, as in Python.
            if (pos < s.length() && (s.charAt(pos) == '"' || s.charAt(pos) == '\'')) {
                return out + string(s.charAt(pos));
            }
            return out.toString();
        }

        /** Whitespace and # comments. */
        private void skip() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '#') {
                    while (pos < s.length() && s.charAt(pos) != '\n') {
                        pos++;
                    }
                } else {
                    return;
                }
            }
        }
    }
}
