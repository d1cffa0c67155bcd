package dev.kfboot.validate.rules;

import java.util.List;
import java.util.Optional;

/** Every rule {@code kfboot validate} runs, in the order their documentation lists them. */
public final class Rules {

    /** Where kfboot's docs are published: a rule's page is this followed by its {@link Rule#docsPage()}. */
    public static final String DOCS_URL = "https://github.com/kfboot/kfboot/blob/main/";

    private static final List<Rule> ALL = List.of(
            new PathNotFound(),
            new Unverified(),
            new PlaceholderRepoUrl(),
            new RenderFailed(),
            new RemoteBase(),
            new RemoteBaseUnpinned(),
            new DirectoryOnKustomize(),
            new KustomizeVersion(),
            new DuplicateResource(),
            new CrdOrder(),
            new OperatorCrdOrder(),
            new NamespaceOrder(),
            new WebhookOrder(),
            new MissingSyncWave(),
            new AppHealthCheckMissing(),
            new ArgoCdVersion(),
            new RootAppServerSideApply(),
            new LargeCrdNeedsSsa(),
            new InjectedFieldDrift(),
            new PssViolation(),
            new PruneUnsafe(),
            new DestinationNamespaceMismatch(),
            new MissingComponent(),
            new PlaintextSecret(),
            new ProjectWildcard());

    private Rules() {}

    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<Rule> bySlug(String slug) {
        return ALL.stream().filter(r -> r.slug().equals(slug)).findFirst();
    }
}
