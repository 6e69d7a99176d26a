package nl.adempauze.localstack.issuer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The development issuer's HTTP face, all under {@code /auth}: the public keys, the token endpoint (OAuth2 client
 * credentials: the demo user is the client, its secret is {@value DemoUsers#SECRET}), the list of demo users and a
 * discovery document. Refusals are RFC 9457 problems that also carry OAuth2's {@code error} code.
 */
@RestController
@RequestMapping("/auth")
class IssuerEndpoints {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private final DemoUsers users;
    private final TokenSigner signer;

    IssuerEndpoints(DemoUsers users, TokenSigner signer) {
        this.users = users;
        this.signer = signer;
    }

    @GetMapping(path = "/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> jwks() {
        return signer.publicJwkSet();
    }

    @GetMapping(path = "/users", produces = MediaType.APPLICATION_JSON_VALUE)
    List<DemoUser> users() {
        return users.all();
    }

    @GetMapping(path = "/.well-known/openid-configuration", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> discovery() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", TokenSigner.ISSUER);
        document.put("jwks_uri", TokenSigner.ISSUER + "/jwks");
        document.put("token_endpoint", TokenSigner.ISSUER + "/token");
        document.put("grant_types_supported", List.of("client_credentials"));
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        document.put("response_types_supported", List.of("token"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("claims_supported", List.of("iss", "sub", "name", "roles", "org", "regions", "iat", "exp"));
        return document;
    }

    /**
     * {@code grant_type=client_credentials} with the demo user as client: {@code client_id} and
     * {@code client_secret} as HTTP Basic credentials or as form fields.
     */
    @PostMapping(path = "/token")
    Mono<ResponseEntity<Map<String, Object>>> token(ServerWebExchange exchange) {
        return exchange.getFormData().map(form -> token(exchange.getRequest().getHeaders(), form));
    }

    private ResponseEntity<Map<String, Object>> token(HttpHeaders headers, MultiValueMap<String, String> form) {
        String grantType = form.getFirst("grant_type");
        if (grantType == null) {
            return problem(HttpStatus.BAD_REQUEST, "invalid_request", "Invalid token request",
                    "grant_type is missing: send a form (application/x-www-form-urlencoded) with "
                            + "grant_type=client_credentials");
        }
        if (!"client_credentials".equals(grantType)) {
            return problem(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "Unsupported grant type",
                    "Only grant_type=client_credentials is supported, not " + grantType);
        }
        String[] credentials = basicCredentials(headers)
                .orElseGet(() -> new String[] {form.getFirst("client_id"), form.getFirst("client_secret")});
        Optional<DemoUser> user = users.authenticate(credentials[0], credentials[1]);
        if (user.isEmpty()) {
            ResponseEntity<Map<String, Object>> refused = problem(HttpStatus.UNAUTHORIZED, "invalid_client",
                    "Sign-in failed", "Unknown demo user or wrong secret: the demo users are listed at "
                            + "/auth/users and every secret is '" + DemoUsers.SECRET + "'");
            return ResponseEntity.status(refused.getStatusCode()).headers(refused.getHeaders())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"adempauze-dev-issuer\"")
                    .body(refused.getBody());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", signer.sign(user.get()));
        body.put("token_type", "Bearer");
        body.put("expires_in", signer.lifetime().toSeconds());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache").body(body);
    }

    /** {@code Authorization: Basic base64(urlencoded id ":" urlencoded secret)} (RFC 6749, section 2.3.1). */
    private static Optional<String[]> basicCredentials(HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.of(new String[] {null, null});
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.of(new String[] {null, null});
        }
        return Optional.of(new String[] {urlDecoded(decoded.substring(0, colon)), urlDecoded(decoded.substring(colon + 1))});
    }

    private static String urlDecoded(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static ResponseEntity<Map<String, Object>> problem(HttpStatus status, String error, String title,
                                                               String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("error", error);
        body.put("error_description", detail);
        return ResponseEntity.status(status).contentType(PROBLEM).cacheControl(CacheControl.noStore()).body(body);
    }
}
