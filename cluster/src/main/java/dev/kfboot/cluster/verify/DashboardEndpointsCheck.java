package dev.kfboot.cluster.verify;

import dev.kfboot.cluster.check.Check;
import dev.kfboot.cluster.check.CheckResult;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.List;

/**
 * The central dashboard's Service has ready endpoints: without them the gateway answers "no healthy upstream"
 * (seed 001's symptom when the dashboard's pods violated the namespace's pod security level).
 */
public final class DashboardEndpointsCheck implements Check<VerifyContext> {

    @Override
    public String id() {
        return "dashboard-endpoints";
    }

    @Override
    public String title() {
        return "the dashboard service has ready endpoints";
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        String ns = ctx.dashboardNamespace();
        String name = ctx.dashboardService();
        String what = "-n " + ns + " service/" + name;
        Service svc = ctx.cluster()
                .call(
                        "reading " + what,
                        () -> ctx.cluster()
                                .client()
                                .services()
                                .inNamespace(ns)
                                .withName(name)
                                .get());
        if (svc == null) return CheckResult.fail(this, what, List.of(what + ": missing"));
        long ready = readyEndpoints(ctx, ns, name);
        if (ready == 0) {
            return CheckResult.fail(
                    this,
                    what,
                    List.of(what + ": no ready endpoints (its pods are not ready: kubectl -n " + ns + " get pods)"));
        }
        return CheckResult.pass(this, what + ": " + ready + " ready endpoint" + (ready > 1 ? "s" : ""));
    }

    private static long readyEndpoints(VerifyContext ctx, String ns, String name) {
        List<EndpointSlice> slices = ctx.cluster()
                .call(
                        "listing the endpoint slices of " + name,
                        () -> ctx.cluster()
                                .client()
                                .discovery()
                                .v1()
                                .endpointSlices()
                                .inNamespace(ns)
                                .withLabel("kubernetes.io/service-name", name)
                                .list()
                                .getItems());
        long ready = 0;
        for (EndpointSlice s : slices) {
            for (Endpoint e : s.getEndpoints()) {
                if (e.getConditions() == null
                        || !Boolean.FALSE.equals(e.getConditions().getReady()))
                    ready += e.getAddresses().size();
            }
        }
        if (!slices.isEmpty()) return ready;
        Endpoints ep = ctx.cluster()
                .call(
                        "reading the endpoints of " + name,
                        () -> ctx.cluster()
                                .client()
                                .endpoints()
                                .inNamespace(ns)
                                .withName(name)
                                .get());
        if (ep == null) return 0;
        return ep.getSubsets().stream()
                .map(s -> s.getAddresses())
                .mapToLong(List<EndpointAddress>::size)
                .sum();
    }
}
