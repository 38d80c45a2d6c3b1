package io.switchboard.gateway.testing;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.switchboard.platform.testing.TestPlatform;

/**
 * Signs in through the real authorization code flow like a browser would, without one: the
 * gateway's redirect, Keycloak's real login form, the callback, the session cookie. Fast enough for
 * the API-level tests of cookie sessions (CSRF, logout); the Chromium tests cover the rest.
 */
public final class BrowserlessSignIn {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final URI gateway;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private HttpResponse<String> lastSetCookieResponse;

    public BrowserlessSignIn(URI gateway) {
        this.gateway = gateway;
        this.http = HttpClient.newBuilder().cookieHandler(new LocalhostIsSecure(cookies)).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs the user in and returns this client, which now holds the session cookie. */
    public BrowserlessSignIn signIn(String username) {
        HttpResponse<String> toKeycloak = get(gateway.resolve("/"));
        expect(toKeycloak, 302);
        HttpResponse<String> loginPage = get(URI.create(location(toKeycloak)));
        expect(loginPage, 200);
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        if (!action.find()) {
            throw new IllegalStateException("no Keycloak login form in the page");
        }
        String password = TestPlatform.get().secrets().demoUserPassword();
        HttpResponse<String> back = post(URI.create(action.group(1).replace("&amp;", "&")),
                "username=" + enc(username) + "&password=" + enc(password) + "&credentialId=");
        expect(back, 302);
        String callback = location(back);
        if (!callback.startsWith(gateway.toString())) {
            throw new IllegalStateException("Keycloak sent the browser to " + callback.replaceAll("code=[^&]+", "code=…"));
        }
        HttpResponse<String> home = get(URI.create(callback));
        expect(home, 302);
        lastSetCookieResponse = home;
        return this;
    }

    public HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().header("Accept", "text/html,application/json"));
    }

    public HttpResponse<String> get(String path) {
        return get(gateway.resolve(path));
    }

    public HttpResponse<String> post(URI uri, String form) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON call to the gateway with the session cookie (and whatever headers the caller adds). */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(gateway.resolve(path)).header("Accept", "application/json");
    }

    public Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    public List<HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }

    /** The Set-Cookie headers of the callback response (the session cookie's attributes). */
    public List<String> sessionSetCookieHeaders() {
        return lastSetCookieResponse.headers().allValues("Set-Cookie");
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() ->
                new IllegalStateException("no Location header in a " + response.statusCode() + " answer"));
    }

    /**
     * Keycloak marks its cookies Secure even on http://localhost, which browsers accept (localhost is a
     * secure context) but java.net's cookie store would then never send back over http.
     */
    private static final class LocalhostIsSecure extends CookieHandler {
        private final CookieManager store;

        LocalhostIsSecure(CookieManager store) {
            this.store = store;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return store.get(uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            Map<String, List<String>> relaxed = new HashMap<>();
            responseHeaders.forEach((name, values) -> relaxed.put(name, name != null && name.toLowerCase().startsWith("set-cookie")
                    ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure", "")).toList()
                    : values));
            store.put(uri, relaxed);
        }
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected HTTP " + status + " from " + response.uri().getPath() + ", got "
                    + response.statusCode());
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
