package dev.kfboot.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void controlCharactersAreShownAsEscapes() {
        assertThat(SafeText.escape("a\u001b[2Jb\u0007c\rd\ne\tf\u0000g\u007fh\u009bi\u202ej"))
                .isEqualTo("a\\e[2Jb\\ac\\rd\\ne\\tf\\x00g\\x7fh\\u009bi\\u202ej");
        assertThat(SafeText.escape("plain, ünïcode and a \\ backslash")).isEqualTo("plain, ünïcode and a \\ backslash");
    }

    @Test
    void aForgedWorkflowCommandStaysOnTheLineOfTheValueThatCarriesIt() {
        assertThat(SafeText.forTerminal("app\n::error::forged"))
                .isEqualTo("app\\n::error::forged")
                .doesNotContain("\n");
    }

    @Test
    void credentialsInUrlsAreRedactedEverywhereInTheText() {
        assertThat(SafeText.redactCredentials("repository https://bob:ghp_SECRET@github.com/o/r.git is not mapped"))
                .isEqualTo("repository https://***@github.com/o/r.git is not mapped");
        assertThat(SafeText.redactCredentials("https://ghp_TOKEN@github.com/o/r and http://u:p@h/x"))
                .isEqualTo("https://***@github.com/o/r and http://***@h/x");
        assertThat(SafeText.redactCredentials("ssh://git@github.com/o/r git@github.com:o/r.git https://github.com/o/r"))
                .isEqualTo("ssh://git@github.com/o/r git@github.com:o/r.git https://github.com/o/r");
    }

    @Test
    void aUrlWrittenIntoATreeLosesItsCredentialsAndKeepsTheRest() {
        assertThat(SafeText.withoutCredentials("https://bob:ghp_SECRET@github.com/o/r.git"))
                .isEqualTo("https://github.com/o/r.git");
        assertThat(SafeText.withoutCredentials("https://ghp_TOKEN@github.com:8443/o/r?x=1"))
                .isEqualTo("https://github.com:8443/o/r?x=1");
        for (String clean : List.of(
                "https://github.com/o/r.git", "ssh://git@github.com/o/r", "git@github.com:o/r.git", "/srv/git/r")) {
            assertThat(SafeText.withoutCredentials(clean)).isEqualTo(clean);
            assertThat(SafeText.hasCredentials(clean)).as(clean).isFalse();
        }
        assertThat(SafeText.hasCredentials("http://u:p@h/x")).isTrue();
        assertThat(SafeText.hasCredentials(null)).isFalse();
        assertThat(SafeText.withoutCredentials(null)).isNull();
    }

    @Test
    void aFindingCarriesNoCredentialAndPrintsOneLineWhateverItsPartsHold() {
        Finding f = new Finding(
                "r",
                Severity.ERROR,
                "evil\u001b]0;x\u0007",
                "res\nline",
                new Location("a\rb.yaml", 3),
                "repo https://u:tok@h/r\n::error::forged",
                "hint\u001b[31m");

        assertThat(f.message()).doesNotContain("tok");
        assertThat(f.toText().split("\n")).hasSize(2); // the finding and its hint line
        assertThat(f.toText())
                .doesNotContain("\u001b")
                .doesNotContain("\r")
                .doesNotContain("\u0007")
                .contains("h/r\\n::error::forged")
                .doesNotContain("\n::error::");
    }
}
