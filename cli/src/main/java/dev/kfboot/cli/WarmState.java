package dev.kfboot.cli;

import dev.kfboot.render.KustomizeTool;
import dev.kfboot.yaml.DocumentMemo;

import java.util.concurrent.atomic.AtomicReference;

/**
 * What the daemon keeps between the validate runs it serves: the rendered documents it parsed, and the kustomize it
 * found last (a run renders with it at once while kustomize is asked again, and renders again if the answer differs).
 */
final class WarmState {

    final DocumentMemo documents = new DocumentMemo();
    final AtomicReference<KustomizeTool> kustomize = new AtomicReference<>();
}
