package io.switchboard.helm.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.Optional;

/**
 * Reads an object into fabric8's Kubernetes model the strict way: fabric8 normally keeps unknown
 * fields (and wrongly typed ones) in each model's {@code additionalProperties}; with the any-setter
 * switched off and unknown properties failing, a misspelt or misplaced field is an error with its
 * path, and a wrong type is one too.
 */
public final class StrictKubernetesModel {

    private static final KubernetesSerialization FABRIC8 = new KubernetesSerialization();

    private static final ObjectMapper STRICT = new ObjectMapper()
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated a) {
                    return Boolean.FALSE;
                }
            })
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS);

    private StrictKubernetesModel() {
    }

    /** The fabric8 model class of apiVersion/kind, or empty when fabric8 has none (a custom resource). */
    public static Optional<Class<? extends KubernetesResource>> modelClass(JsonNode object) {
        // apiVersion and kind alone pick the class; the body may be broken (that is what is checked).
        com.fasterxml.jackson.databind.node.ObjectNode header = STRICT.createObjectNode();
        header.set("apiVersion", object.path("apiVersion"));
        header.set("kind", object.path("kind"));
        KubernetesResource typed = FABRIC8.convertValue(header, KubernetesResource.class);
        if (typed == null || typed instanceof GenericKubernetesResource) {
            return Optional.empty();
        }
        return Optional.of(typed.getClass());
    }

    /** Empty when the object reads cleanly into its model; else the first problem, with its path. */
    public static Optional<String> check(JsonNode object) {
        Optional<Class<? extends KubernetesResource>> type = modelClass(object);
        if (type.isEmpty()) {
            return Optional.of("fabric8 has no model for " + object.path("apiVersion").asText() + " " + object.path("kind").asText());
        }
        return read(object, type.get());
    }

    /** Strictly reads {@code node} as {@code type}: empty when fine, else the problem. */
    public static Optional<String> read(JsonNode node, Class<?> type) {
        try {
            STRICT.treeToValue(node, type);
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of(e.getMessage().lines().findFirst().orElse(e.toString())
                    + " at " + pathOf(e));
        }
    }

    /** Custom resources still have standard metadata. */
    public static Optional<String> checkMetadata(JsonNode object) {
        return read(object.path("metadata"), ObjectMeta.class).map(p -> "metadata: " + p);
    }

    private static String pathOf(Exception e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
            return m.getPathReference();
        }
        return "?";
    }
}
