/**
 * Takes one live Kubernetes object as a plain map and returns its {@link dev.kfboot.cluster.health.Health}:
 * one small check per kind (Deployment, StatefulSet, DaemonSet, Job, PersistentVolumeClaim, Service,
 * CustomResourceDefinition, APIService, cert-manager Certificate, Argo CD Application), modelled on Argo CD's
 * own checks. fabric8's readiness is not used: it calls any object of a kind it does not know ready as soon as
 * it exists.
 */
package dev.kfboot.cluster.health;
