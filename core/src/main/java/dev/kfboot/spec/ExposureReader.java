package dev.kfboot.spec;

import dev.kfboot.model.InputException;
import dev.kfboot.yaml.MapReader;
import java.util.List;
import java.util.Locale;

/** Reads {@code spec.exposure} strictly. */
final class ExposureReader {

    static final List<String> EXPOSURE = List.of("gatewayAPI");
    static final List<String> GATEWAY_API = List.of("gateway", "hostnames", "mode", "crdsFrom");
    static final List<String> GATEWAY = List.of("name", "namespace", "sectionName");

    private ExposureReader() {}

    static GatewayExposure gatewayAPI(MapReader spec) {
        return spec.map("exposure", EXPOSURE)
                .flatMap(e -> e.map("gatewayAPI", GATEWAY_API))
                .map(g -> {
                    MapReader gw = g.map("gateway", GATEWAY)
                            .orElseThrow(() -> new InputException(
                                    g.here(),
                                    "missing required field '" + g.child("gateway") + "'",
                                    "name the existing Gateway: gateway: {name: "
                                            + "kgateway, namespace: kgateway-system}"));
                    String mode = g.string("mode").orElse("beside");
                    GatewayExposure.Mode m;
                    try {
                        m = GatewayExposure.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException ex) {
                        throw new InputException(
                                g.at("mode"),
                                "unknown mode '" + mode + "' in " + g.child("mode"),
                                "beside (route to the Istio ingress gateway, keeps "
                                        + "oauth2-proxy) or instead (straight to the dashboard)");
                    }
                    return new GatewayExposure(
                            gw.requiredString("name", "name the Gateway"),
                            gw.requiredString("namespace", "give the Gateway's namespace"),
                            gw.string("sectionName").orElse(null),
                            g.strings("hostnames"),
                            m,
                            g.string("crdsFrom").orElse(null),
                            g.here());
                })
                .orElse(null);
    }
}
