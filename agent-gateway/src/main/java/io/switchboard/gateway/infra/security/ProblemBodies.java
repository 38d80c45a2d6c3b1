package io.switchboard.gateway.infra.security;

import java.net.URI;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.kit.problem.Problem;

/** Problem details written below JAX-RS (by the security layer), in the same shape as service-kit's. */
final class ProblemBodies {

    static final String MEDIA_TYPE = Problem.MEDIA_TYPE;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemBodies() {
    }

    static String json(int status, String title, String detail, String path) {
        try {
            return JSON.writeValueAsString(new Problem(URI.create("about:blank"), title, status, detail, URI.create(path)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + "}";
        }
    }
}
