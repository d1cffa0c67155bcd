package dev.kfboot.generate;

import dev.kfboot.argocd.AppProject;
import dev.kfboot.argocd.Application;
import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.argocd.ArgoReader;
import dev.kfboot.model.GroupKind;
import dev.kfboot.yaml.YNode;
import dev.kfboot.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a generated tree back the way validate reads trees: every YAML document, typed. */
record TreeDocs(List<Doc> docs) {

    record Doc(String file, YNode node) {
        GroupKind kind() {
            return ArgoReader.kindOf(node);
        }
    }

    static TreeDocs of(GeneratedTree tree) {
        List<Doc> docs = new ArrayList<>();
        for (Map.Entry<String, String> f : tree.files().entrySet()) {
            if (!f.getKey().endsWith(".yaml")) continue;
            for (YNode n : YamlReader.forUserFiles().parseAll(f.getValue(), f.getKey()))
                docs.add(new Doc(f.getKey(), n));
        }
        return new TreeDocs(docs);
    }

    List<Application> applications() {
        return docs.stream()
                .filter(d -> d.kind().equals(ArgoCd.APPLICATION))
                .map(d -> ArgoReader.application(d.node(), d.file()))
                .toList();
    }

    List<Application> children() {
        return applications().stream()
                .filter(a -> a.location().file().startsWith("apps/"))
                .toList();
    }

    List<AppProject> projects() {
        return docs.stream()
                .filter(d -> d.kind().equals(ArgoCd.APP_PROJECT))
                .map(d -> ArgoReader.appProject(d.node(), d.file()))
                .toList();
    }

    Application child(String id) {
        return children().stream()
                .filter(a -> id.equals(a.labels().get(Names.COMPONENT)))
                .findFirst()
                .orElseThrow();
    }
}
