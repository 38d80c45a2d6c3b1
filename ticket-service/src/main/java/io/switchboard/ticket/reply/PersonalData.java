package io.switchboard.ticket.reply;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.switchboard.events.mention.PiiFinding;

/**
 * Finds personal data an agent is about to post publicly: e-mail addresses, phone numbers,
 * payment cards (Luhn-valid), IBANs (checksum-valid) and US social security numbers. It errs on
 * the side of the customer: a false alarm costs the agent a private reply, a miss exposes
 * someone. Plain digit runs such as order numbers are not taken for phone numbers.
 */
public final class PersonalData {

    private static final Pattern EMAIL = Pattern.compile(
            "[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.(?:xn--[\\p{L}\\p{N}-]+|\\p{L}{2,})(?![\\p{L}\\p{N}-])");
    /** Digits and separators, 13 to 19 digits long, for payment cards. */
    private static final Pattern CARD = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?:[ ]?[A-Z0-9]){11,30}\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SSN = Pattern.compile("(?<![\\d-])(\\d{3})([-. ])(\\d{2})\\2(\\d{4})(?![\\d-])");
    /**
     * International (+ and 8-15 digits) or grouped national numbers: "(555) 123-4567",
     * "(415)555-0132", "555-123-4567", "020 7946 0958", "09-7625400". A bare digit run is not
     * taken for a phone number: order and tracking numbers look the same.
     */
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])(?<!\\d[ \\-.])(?:"
            + "\\+\\d[\\d \\-.()]{6,18}\\d"
            + "|\\(\\d{2,4}\\)[ \\-.]?\\d{3,4}[ \\-.]\\d{3,4}"
            + "|\\d{2,4}[ \\-.]\\d{3,4}[ \\-.]\\d{3,4}"
            + "|0\\d{1,2}-\\d{7})(?![\\w])(?![ \\-.]\\d)");

    private PersonalData() {
    }

    public static List<PiiFinding> find(String text) {
        List<PiiFinding> findings = new ArrayList<>();
        add(findings, EMAIL.matcher(text), PiiFinding.Type.EMAIL);
        Matcher card = CARD.matcher(text);
        while (card.find()) {
            if (luhn(card.group())) {
                findings.add(new PiiFinding(PiiFinding.Type.PAYMENT_CARD, card.start(), card.end()));
            }
        }
        Matcher iban = IBAN.matcher(text);
        while (iban.find()) {
            if (ibanChecksum(iban.group())) {
                findings.add(new PiiFinding(PiiFinding.Type.IBAN, iban.start(), iban.end()));
            }
        }
        Matcher ssn = SSN.matcher(text);
        while (ssn.find()) {
            if (plausibleSsn(ssn.group(1), ssn.group(3), ssn.group(4))) {
                findings.add(new PiiFinding(PiiFinding.Type.NATIONAL_ID, ssn.start(), ssn.end()));
            }
        }
        Matcher phone = PHONE.matcher(text);
        while (phone.find()) {
            long digits = phone.group().chars().filter(Character::isDigit).count();
            if (digits >= 7 && digits <= 15 && !overlaps(findings, phone.start(), phone.end())) {
                findings.add(new PiiFinding(PiiFinding.Type.PHONE, phone.start(), phone.end()));
            }
        }
        findings.sort(Comparator.comparingInt(PiiFinding::start));
        return findings;
    }

    private static void add(List<PiiFinding> findings, Matcher matcher, PiiFinding.Type type) {
        while (matcher.find()) {
            findings.add(new PiiFinding(type, matcher.start(), matcher.end()));
        }
    }

    private static boolean overlaps(List<PiiFinding> findings, int start, int end) {
        return findings.stream().anyMatch(f -> f.start() < end && start < f.end());
    }

    /** A plausible card number: issuer prefix (13 digits: only old Visa) and the Luhn checksum. */
    static boolean luhn(String candidate) {
        String digits = candidate.replaceAll("[^0-9]", "");
        if (digits.length() < 13 || digits.length() > 19 || digits.chars().distinct().count() == 1) {
            return false;
        }
        char issuer = digits.charAt(0);
        if (issuer < '1' || issuer > '6' || (digits.length() == 13 && issuer != '4')) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    static boolean ibanChecksum(String candidate) {
        String iban = candidate.replace(" ", "").toUpperCase(Locale.ROOT);
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (char c : rearranged.toCharArray()) {
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            if (value < 0 || value > 35) {
                return false;
            }
            remainder = (value > 9 ? remainder * 100 : remainder * 10) + value;
            remainder %= 97;
        }
        return remainder == 1;
    }

    private static boolean plausibleSsn(String area, String group, String serial) {
        return !area.equals("000") && !area.equals("666") && area.charAt(0) != '9' && !group.equals("00")
                && !serial.equals("0000");
    }
}
