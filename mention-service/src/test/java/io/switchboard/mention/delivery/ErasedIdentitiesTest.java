package io.switchboard.mention.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.switchboard.events.Channel;

/** The keyed hash of an erased identity: known answers (computed with openssl), and what counts as one identity. */
class ErasedIdentitiesTest {

    private static final String KEY = "an-identity-key-of-at-least-32-bytes!!";
    private static final SecretKeySpec SPEC = new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256");

    private static String hash(Channel channel, String platformId) {
        return HexFormat.of().formatHex(ErasedIdentities.hash(SPEC, new ErasedIdentities.Identity(channel, platformId)));
    }

    @Test
    void isHmacSha256OfChannelAndIdUnderTheKey() {
        // printf 'X:1790000000000000001' | openssl dgst -sha256 -hmac '<KEY>'
        assertThat(hash(Channel.X, "1790000000000000001"))
                .isEqualTo("16173b693057664379b18cd38f1797c47c171285134fa1d6a2452c94e20e3cc9");
        assertThat(hash(Channel.ASK_US, "Jo@Example.COM"))
                .isEqualTo("838ab72b95fa6f6ec574768d4d8c903415677c655d8b4f31bd3caaf59c6a6e47");
    }

    @Test
    void theChannelAndTheLetterCaseOfPlatformIdsMatter() {
        assertThat(hash(Channel.X, "42")).isNotEqualTo(hash(Channel.MASTODON, "42"));
        assertThat(hash(Channel.MASTODON, "Jo")).isNotEqualTo(hash(Channel.MASTODON, "jo"));
        assertThat(hash(Channel.ASK_US, "JO@example.com")).isEqualTo(hash(Channel.ASK_US, "jo@example.com"));
        SecretKeySpec other = new SecretKeySpec("another-identity-key-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        assertThat(ErasedIdentities.hash(other, new ErasedIdentities.Identity(Channel.X, "42")))
                .isNotEqualTo(ErasedIdentities.hash(SPEC, new ErasedIdentities.Identity(Channel.X, "42")));
    }

    @Test
    void aShortKeyIsRefusedAtStartup() {
        assertThatThrownBy(() -> new ErasedIdentities(Optional.of("too-short")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 32 bytes")
                .hasMessageNotContaining("too-short");
        new ErasedIdentities(Optional.of(KEY));
        new ErasedIdentities(Optional.empty());
    }
}
