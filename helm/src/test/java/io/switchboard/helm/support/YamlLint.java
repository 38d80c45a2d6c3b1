package io.switchboard.helm.support;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.scanner.ScannerImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.tokens.BlockEntryToken;
import org.yaml.snakeyaml.tokens.BlockMappingStartToken;
import org.yaml.snakeyaml.tokens.BlockSequenceStartToken;
import org.yaml.snakeyaml.tokens.BlockEndToken;
import org.yaml.snakeyaml.tokens.CommentToken;
import org.yaml.snakeyaml.tokens.FlowEntryToken;
import org.yaml.snakeyaml.tokens.FlowMappingEndToken;
import org.yaml.snakeyaml.tokens.FlowMappingStartToken;
import org.yaml.snakeyaml.tokens.FlowSequenceEndToken;
import org.yaml.snakeyaml.tokens.FlowSequenceStartToken;
import org.yaml.snakeyaml.tokens.ScalarToken;
import org.yaml.snakeyaml.tokens.Token;
import org.yaml.snakeyaml.tokens.ValueToken;
import org.yaml.snakeyaml.comments.CommentType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The yamllint rules of chart-testing's lintconf.yaml (src/test/resources/chart-testing), which
 * `ct lint` applies to Chart.yaml and the values files. The thresholds are read from that file;
 * the rules follow yamllint's definitions on SnakeYAML's tokens (SnakeYAML is a port of the
 * PyYAML scanner yamllint uses). Rules the file disables (line-length, document-start/-end) are
 * not checked; truthy, a warning there, is reported as a warning.
 */
public final class YamlLint {

    public record Problem(int line, int column, String rule, String message, boolean warning) {
        @Override
        public String toString() {
            return line + ":" + column + " " + (warning ? "warning" : "error") + " " + message + " (" + rule + ")";
        }
    }

    private static final Pattern TRUTHY = Pattern.compile("^(YES|Yes|yes|NO|No|no|TRUE|True|FALSE|False|ON|On|on|OFF|Off|off)$");

    private final Map<String, Object> rules;

    @SuppressWarnings("unchecked")
    public YamlLint(Map<String, Object> lintconf) {
        this.rules = (Map<String, Object>) lintconf.get("rules");
    }

    private int setting(String rule, String key) {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) rules.get(rule);
        return ((Number) r.get(key)).intValue();
    }

    private boolean enabled(String rule) {
        Object r = rules.get(rule);
        return r != null && !"disable".equals(r);
    }

    public List<Problem> lint(String text) {
        List<Problem> problems = new ArrayList<>();
        lines(text, problems);
        try {
            tokens(text, problems);
            duplicates(text, problems);
        } catch (RuntimeException e) {
            problems.add(new Problem(0, 0, "syntax", "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""), false));
        }
        problems.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column()));
        return problems;
    }

    // new-lines, new-line-at-end-of-file, trailing-spaces, empty-lines
    private void lines(String text, List<Problem> problems) {
        if (enabled("new-lines") && text.contains("\r")) {
            problems.add(new Problem(1, 1, "new-lines", "wrong new line character: expected \\n", false));
        }
        if (enabled("new-line-at-end-of-file") && !text.isEmpty() && !text.endsWith("\n")) {
            problems.add(new Problem(text.split("\n", -1).length, 1, "new-line-at-end-of-file", "no new line character at the end of file", false));
        }
        String[] lines = text.split("\n", -1);
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        int blank = 0;
        boolean content = false;
        for (int i = 0; i < count; i++) {
            String line = lines[i];
            if (enabled("trailing-spaces") && !line.isEmpty() && Character.isWhitespace(line.charAt(line.length() - 1))) {
                problems.add(new Problem(i + 1, line.length(), "trailing-spaces", "trailing spaces", false));
            }
            if (line.isEmpty()) {
                blank++;
                continue;
            }
            if (enabled("empty-lines")) {
                int max = content ? setting("empty-lines", "max") : setting("empty-lines", "max-start");
                if (blank > max) {
                    problems.add(new Problem(i, 1, "empty-lines", "too many blank lines (" + blank + " > " + max + ")", false));
                }
            }
            blank = 0;
            content = true;
        }
        if (enabled("empty-lines") && blank > setting("empty-lines", "max-end")) {
            problems.add(new Problem(count, 1, "empty-lines", "too many blank lines (" + blank + " > " + setting("empty-lines", "max-end") + ")", false));
        }
    }

    private void tokens(String text, List<Problem> problems) {
        LoaderOptions options = new LoaderOptions();
        options.setProcessComments(true);
        ScannerImpl scanner = new ScannerImpl(new StreamReader(text), options);
        List<Token> tokens = new ArrayList<>();
        while (scanner.peekToken() != null) {
            Token t = scanner.getToken();
            tokens.add(t);
            if (t.getTokenId() == Token.ID.StreamEnd) {
                break;
            }
        }
        String[] lines = text.split("\n", -1);
        Deque<Integer> blockIndents = new ArrayDeque<>();
        int indentStep = -1;
        Token previous = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token next = nextNonComment(tokens, i);
            if (t instanceof CommentToken comment) {
                comment(comment, lines, problems);
                continue;
            }
            if (t instanceof FlowMappingStartToken && next != null) {
                spacesAfter("braces", t, next, problems);
            } else if (t instanceof FlowMappingEndToken && previous != null) {
                spacesBefore("braces", previous, t, problems);
            } else if (t instanceof FlowSequenceStartToken && next != null) {
                spacesAfter("brackets", t, next, problems);
            } else if (t instanceof FlowSequenceEndToken && previous != null) {
                spacesBefore("brackets", previous, t, problems);
            } else if (t instanceof ValueToken && enabled("colons")) {
                if (previous != null && sameLine(previous, t) && gap(previous, t) > setting("colons", "max-spaces-before")) {
                    problems.add(at(t, "colons", "too many spaces before colon"));
                }
                if (next != null && sameLine(t, next) && gap(t, next) > setting("colons", "max-spaces-after")) {
                    problems.add(at(t, "colons", "too many spaces after colon"));
                }
            } else if (t instanceof FlowEntryToken && enabled("commas")) {
                if (previous != null && sameLine(previous, t) && gap(previous, t) > setting("commas", "max-spaces-before")) {
                    problems.add(at(t, "commas", "too many spaces before comma"));
                }
                if (next != null && sameLine(t, next)) {
                    int spaces = gap(t, next);
                    if (spaces > setting("commas", "max-spaces-after")) {
                        problems.add(at(t, "commas", "too many spaces after comma"));
                    } else if (spaces < setting("commas", "min-spaces-after")) {
                        problems.add(at(t, "commas", "too few spaces after comma"));
                    }
                }
            } else if (t instanceof BlockEntryToken && enabled("hyphens") && next != null && sameLine(t, next)
                    && gap(t, next) > setting("hyphens", "max-spaces-after")) {
                problems.add(at(t, "hyphens", "too many spaces after hyphen"));
            } else if (t instanceof ScalarToken scalar && enabled("truthy") && scalar.getPlain()
                    && !(next instanceof ValueToken) && TRUTHY.matcher(scalar.getValue()).matches()) {
                problems.add(new Problem(line(t), column(t), "truthy", "truthy value should be one of [false, true]", true));
            }
            // indentation: spaces consistent, one step everywhere.
            if (t instanceof BlockMappingStartToken || t instanceof BlockSequenceStartToken) {
                int column = t.getStartMark().getColumn();
                if (blockIndents.isEmpty()) {
                    if (column != 0 && enabled("indentation")) {
                        problems.add(at(t, "indentation", "wrong indentation: expected 0 but found " + column));
                    }
                } else if (!(previous instanceof BlockEntryToken) && enabled("indentation")) {
                    int step = column - blockIndents.peek();
                    if (indentStep < 0) {
                        indentStep = step;
                    } else if (step != indentStep) {
                        problems.add(at(t, "indentation", "wrong indentation: expected " + (blockIndents.peek() + indentStep) + " but found " + column));
                    }
                }
                blockIndents.push(column);
            } else if (t instanceof BlockEndToken && !blockIndents.isEmpty()) {
                blockIndents.pop();
            }
            previous = t;
        }
    }

    private void comment(CommentToken comment, String[] lines, List<Problem> problems) {
        if (!enabled("comments") || comment.getCommentType() == CommentType.BLANK_LINE) {
            return;
        }
        int line = comment.getStartMark().getLine();
        int column = comment.getStartMark().getColumn();
        String text = lines[line];
        int hash = text.indexOf('#', column);
        if (hash < 0) {
            return;
        }
        int start = hash + 1;
        while (start < text.length() && text.charAt(start) == '#') {
            start++;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) rules.get("comments");
        if (Boolean.TRUE.equals(config.get("require-starting-space")) && start < text.length() && text.charAt(start) != ' '
                && !(line == 0 && text.startsWith("#!"))) {
            problems.add(new Problem(line + 1, hash + 1, "comments", "missing starting space in comment", false));
        }
        String before = text.substring(0, hash);
        if (!before.isBlank()) {
            int spaces = before.length() - before.stripTrailing().length();
            if (spaces < setting("comments", "min-spaces-from-content")) {
                problems.add(new Problem(line + 1, hash + 1, "comments", "too few spaces before comment", false));
            }
        }
    }

    private void spacesAfter(String rule, Token open, Token next, List<Problem> problems) {
        if (!enabled(rule) || !sameLine(open, next)) {
            return;
        }
        boolean empty = next instanceof FlowMappingEndToken || next instanceof FlowSequenceEndToken;
        int spaces = gap(open, next);
        int max = setting(rule, empty ? "max-spaces-inside-empty" : "max-spaces-inside");
        int min = setting(rule, empty ? "min-spaces-inside-empty" : "min-spaces-inside");
        if (max >= 0 && spaces > max) {
            problems.add(at(open, rule, "too many spaces inside " + rule));
        }
        if (min >= 0 && spaces < min) {
            problems.add(at(open, rule, "too few spaces inside " + rule));
        }
    }

    private void spacesBefore(String rule, Token previous, Token close, List<Problem> problems) {
        if (!enabled(rule) || !sameLine(previous, close)
                || previous instanceof FlowMappingStartToken || previous instanceof FlowSequenceStartToken) {
            return;
        }
        int spaces = gap(previous, close);
        if (setting(rule, "max-spaces-inside") >= 0 && spaces > setting(rule, "max-spaces-inside")) {
            problems.add(at(close, rule, "too many spaces inside " + rule));
        }
    }

    private void duplicates(String text, List<Problem> problems) {
        if (!enabled("key-duplicates")) {
            return;
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            for (Object ignored : new org.yaml.snakeyaml.Yaml(new SafeConstructor(options)).loadAll(text)) {
                // loading is the check
            }
        } catch (org.yaml.snakeyaml.constructor.DuplicateKeyException e) {
            problems.add(new Problem(e.getProblemMark().getLine() + 1, e.getProblemMark().getColumn() + 1, "key-duplicates",
                    "duplication of key: " + e.getProblem(), false));
        }
    }

    private static Token nextNonComment(List<Token> tokens, int i) {
        for (int j = i + 1; j < tokens.size(); j++) {
            if (!(tokens.get(j) instanceof CommentToken)) {
                return tokens.get(j);
            }
        }
        return null;
    }

    private static boolean sameLine(Token a, Token b) {
        return a.getEndMark().getLine() == b.getStartMark().getLine();
    }

    private static int gap(Token a, Token b) {
        return b.getStartMark().getIndex() - a.getEndMark().getIndex();
    }

    private static int line(Token t) {
        return t.getStartMark().getLine() + 1;
    }

    private static int column(Token t) {
        return t.getStartMark().getColumn() + 1;
    }

    private static Problem at(Token t, String rule, String message) {
        return new Problem(line(t), column(t), rule, message, false);
    }
}
