package io.switchboard.helm.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every rendered object against the schemas that apply to it: fabric8's model read strictly
 * (unknown fields, types) for Kubernetes and prometheus-operator kinds, KEDA's CRD schema for KEDA
 * kinds, and kubernetes-models (types, required fields) for Kubernetes and KEDA kinds.
 */
public final class ManifestValidator {

    private static final Map<String, CrdSchema> CRDS = Map.of(
            "keda.sh/v1alpha1/ScaledObject", CrdSchema.fromClasspath("/keda/keda.sh_scaledobjects-v1alpha1.openapi-schema.json"),
            "keda.sh/v1alpha1/TriggerAuthentication", CrdSchema.fromClasspath("/keda/keda.sh_triggerauthentications-v1alpha1.openapi-schema.json"));

    /** Groups kubernetes-models has no package for here; fabric8 covers them. */
    private static final List<String> NOT_IN_KUBERNETES_MODELS = List.of("monitoring.coreos.com/");

    private ManifestValidator() {
    }

    /** All problems of all objects, one line each. */
    public static List<String> validate(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        for (Manifest m : manifests) {
            CrdSchema crd = CRDS.get(m.apiVersion() + "/" + m.kind());
            if (crd != null) {
                crd.validate(m.body()).forEach(p -> problems.add(m + ": KEDA schema: " + p));
                StrictKubernetesModel.checkMetadata(m.body()).ifPresent(p -> problems.add(m + ": " + p));
            } else {
                StrictKubernetesModel.check(m.body()).ifPresent(p -> problems.add(m + ": fabric8: " + p));
            }
        }
        List<Manifest> forModels = manifests.stream()
                .filter(m -> NOT_IN_KUBERNETES_MODELS.stream().noneMatch(g -> m.apiVersion().startsWith(g)))
                .toList();
        KubernetesModels.validate(forModels).forEach(p -> problems.add(p + " (kubernetes-models)"));
        return problems;
    }
}
