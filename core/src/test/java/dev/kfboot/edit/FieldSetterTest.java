package dev.kfboot.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kfboot.model.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldSetterTest {

    static final String TWO = """
            apiVersion: mlops.seldon.io/v1alpha1
            kind: Model
            metadata:
              name: iris
            spec:
              storageUri: s3://models/iris/28
            ---
            apiVersion: mlops.seldon.io/v1alpha1
            kind: Experiment
            metadata:
              name: ab
            spec:
              default: iris
            """;

    @Test
    void assignmentsParseSelectorPathAndValueWithEqualsInside() {
        Assignment a = Assignment.parse("Deployment/web:spec.template.spec.containers[name=app].image=repo/app:v=2");
        assertThat(a.kind()).isEqualTo("Deployment");
        assertThat(a.name()).isEqualTo("web");
        assertThat(a.path().toString()).isEqualTo("spec.template.spec.containers[name=app].image");
        assertThat(a.value()).isEqualTo("repo/app:v=2");
        assertThatThrownBy(() -> Assignment.parse("novalue")).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> Assignment.parse("Model:spec.x=1")).hasMessageContaining("must be KIND/NAME");
    }

    @Test
    void editsTheNamedDocumentAndWritesACommitMessageNamingTheChange() {
        var r = FieldSetter.apply(
                TWO, "m.yaml", List.of(Assignment.parse("Model/iris:spec.storageUri=s3://models/iris/29")), false);
        assertThat(r.text()).isEqualTo(TWO.replace("iris/28", "iris/29"));
        assertThat(r.changed()).isTrue();
        assertThat(FieldSetter.commitMessage("k8s/models.yaml", r.changes())).isEqualTo("""
                kfboot set: k8s/models.yaml: Model/iris spec.storageUri=s3://models/iris/29

                - Model/iris spec.storageUri: s3://models/iris/28 -> s3://models/iris/29
                """);
    }

    @Test
    void anUnqualifiedFieldInAMultiDocumentFileIsRefusedWithTheDocumentsListed() {
        assertThatThrownBy(
                        () -> FieldSetter.apply(TWO, "m.yaml", List.of(Assignment.parse("spec.storageUri=x")), false))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("holds 2 documents")
                .satisfies(e -> assertThat(((InputException) e).hint()).contains("Model/iris:spec.storageUri=..."));
        assertThatThrownBy(
                        () -> FieldSetter.apply(TWO, "m.yaml", List.of(Assignment.parse("Model/nope:spec.x=1")), false))
                .hasMessage("no document Model/nope")
                .satisfies(e -> assertThat(((InputException) e).hint()).contains("Model/iris, Experiment/ab"));
    }

    @Test
    void settingTheSameValueIsNoChange() {
        var r = FieldSetter.apply(TWO, "m.yaml", List.of(Assignment.parse("Experiment/ab:spec.default=iris")), false);
        assertThat(r.changed()).isFalse();
        assertThat(r.text()).isEqualTo(TWO);
    }
}
