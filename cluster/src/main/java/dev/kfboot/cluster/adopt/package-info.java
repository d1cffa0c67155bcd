/**
 * Takes a tree's apps with the objects each would own (rendered by {@link dev.kfboot.validate.Validator}) and a
 * connected cluster where Kubeflow was installed by hand, and returns, without writing anything, what handing it to
 * Argo CD means: per app the live objects it adopts unchanged, those its first sync changes (compared with
 * {@link dev.kfboot.cluster.diff.LiveDiff}, ignoreDifferences honoured, Secret values hidden), those it creates, and
 * those another Argo CD app or Helm already manages; and the live objects in the platform's namespaces that no app
 * owns, leaving out what Kubernetes and controllers make themselves. {@link Handover} then creates the tree's
 * AppProjects and Applications with automated sync off, so the first sync is the user's to review and start.
 */
package dev.kfboot.cluster.adopt;
