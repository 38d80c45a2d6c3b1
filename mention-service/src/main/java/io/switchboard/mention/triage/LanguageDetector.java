package io.switchboard.mention.triage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The language of a post, in-process and in microseconds: the writing system decides for
 * non-Latin scripts; for Latin-script text the language whose most frequent function words occur
 * most often wins. Returns null when a post is too short or has no tell-tale words, which routing
 * treats as "any language".
 */
public final class LanguageDetector {

    private static final Map<String, Set<String>> FUNCTION_WORDS = new LinkedHashMap<>();

    static {
        FUNCTION_WORDS.put("en", Set.of("the", "and", "is", "are", "was", "to", "of", "my", "i", "you", "it", "this",
                "that", "for", "with", "not", "have", "has", "can", "cant", "dont", "doesnt", "why", "what", "how",
                "please", "help", "me", "your", "be", "on", "in", "a", "an", "just", "but", "so", "im", "its", "get",
                "no", "do", "will", "been", "any", "there", "still", "when", "they", "we", "our", "hi", "hello",
                "thanks", "thank", "at", "from", "if", "or", "would", "all"));
        FUNCTION_WORDS.put("es", Set.of("el", "la", "los", "las", "de", "que", "y", "en", "un", "una", "es", "por",
                "con", "para", "no", "mi", "me", "lo", "se", "su", "al", "del", "pero", "como", "hola", "gracias",
                "ayuda", "porque", "cuenta", "tengo", "esta", "está", "muy", "más", "ya", "hay", "nada", "sí"));
        FUNCTION_WORDS.put("pt", Set.of("o", "a", "os", "as", "de", "que", "e", "em", "um", "uma", "não", "nao",
                "meu", "minha", "com", "para", "por", "do", "da", "no", "na", "olá", "ola", "obrigado", "obrigada",
                "ajuda", "você", "voce", "conta", "está", "muito", "mais", "já", "tem", "isso"));
        FUNCTION_WORDS.put("fr", Set.of("le", "la", "les", "de", "des", "et", "est", "un", "une", "je", "vous", "pas",
                "ne", "mon", "ma", "mes", "pour", "avec", "sur", "dans", "que", "qui", "bonjour", "merci", "aide",
                "compte", "il", "elle", "nous", "ce", "cette", "au", "aux", "du", "très", "toujours", "depuis"));
        FUNCTION_WORDS.put("de", Set.of("der", "die", "das", "und", "ist", "nicht", "ich", "sie", "mein", "meine",
                "mit", "für", "auf", "ein", "eine", "zu", "den", "dem", "es", "hallo", "danke", "bitte", "hilfe",
                "konto", "wir", "noch", "auch", "kann", "habe", "seit", "wie", "warum", "funktioniert", "geht"));
        FUNCTION_WORDS.put("it", Set.of("il", "lo", "la", "gli", "le", "di", "che", "e", "è", "un", "una", "non",
                "mio", "mia", "con", "per", "su", "del", "della", "ciao", "grazie", "aiuto", "sono", "ho", "perché",
                "come", "ancora", "anche", "account", "funziona"));
        FUNCTION_WORDS.put("nl", Set.of("de", "het", "een", "en", "is", "niet", "ik", "mijn", "met", "voor", "op",
                "van", "dat", "die", "hallo", "bedankt", "dank", "hulp", "account", "nog", "ook", "werkt", "waarom",
                "kan", "heb", "geen", "wel"));
    }

    private static final List<String> ORDER = List.copyOf(FUNCTION_WORDS.keySet());

    public String detect(String text, TextFeatures features) {
        String script = byScript(text);
        if (script != null) {
            return script;
        }
        List<String> words = features.words();
        if (words.size() < 2) {
            return null;
        }
        String best = null;
        int bestScore = 0;
        int second = 0;
        for (String language : ORDER) {
            Set<String> vocabulary = FUNCTION_WORDS.get(language);
            int score = 0;
            for (String w : words) {
                if (vocabulary.contains(w)) {
                    score++;
                }
            }
            if (score > bestScore) {
                second = bestScore;
                bestScore = score;
                best = language;
            } else if (score > second) {
                second = score;
            }
        }
        // One shared word ("no", "a") proves nothing; a tie means we cannot tell.
        if (bestScore < 1 || bestScore == second || (words.size() > 3 && bestScore < 2)) {
            return null;
        }
        return best;
    }

    /** The language a non-Latin script implies, or null for Latin (and script-less) text. */
    private static String byScript(String text) {
        int latin = 0;
        int han = 0;
        int kana = 0;
        int hangul = 0;
        int cyrillic = 0;
        int ukrainian = 0;
        int arabic = 0;
        int hebrew = 0;
        int greek = 0;
        int thai = 0;
        int devanagari = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            switch (s) {
                case LATIN -> latin++;
                case HAN -> han++;
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                case CYRILLIC -> {
                    cyrillic++;
                    if (cp == 'і' || cp == 'ї' || cp == 'є' || cp == 'ґ') {
                        ukrainian++;
                    }
                }
                case ARABIC -> arabic++;
                case HEBREW -> hebrew++;
                case GREEK -> greek++;
                case THAI -> thai++;
                case DEVANAGARI -> devanagari++;
                default -> {
                }
            }
        }
        int nonLatin = han + kana + hangul + cyrillic + arabic + hebrew + greek + thai + devanagari;
        if (nonLatin == 0 || nonLatin < latin) {
            return null;
        }
        if (kana > 0) {
            return "ja";
        }
        int max = Math.max(Math.max(Math.max(han, hangul), Math.max(cyrillic, arabic)),
                Math.max(Math.max(hebrew, greek), Math.max(thai, devanagari)));
        if (max == hangul) {
            return "ko";
        }
        if (max == han) {
            return "zh";
        }
        if (max == cyrillic) {
            return ukrainian > 0 ? "uk" : "ru";
        }
        if (max == arabic) {
            return "ar";
        }
        if (max == hebrew) {
            return "he";
        }
        if (max == greek) {
            return "el";
        }
        if (max == thai) {
            return "th";
        }
        return "hi";
    }
}
