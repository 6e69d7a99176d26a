package nl.adempauze.platform.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.domain.InvalidFields;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * Every refusal as an RFC 9457 problem that names the offending field(s) in {@code errors[].field}, so a
 * referrer's system (or a person) can tell what to correct.
 */
// Before Boot's own problem-details handler, which would answer validation errors without naming fields.
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemResponses extends ResponseEntityExceptionHandler {

    /** A rule's refusal, by its kind: the one place where domain exceptions become HTTP. */
    @ExceptionHandler(DomainException.class)
    public ResponseEntity<ProblemDetail> refusal(DomainException refusal) {
        HttpStatus status = statusOf(refusal.kind());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, refusal.getMessage());
        body.setTitle(refusal.title());
        if (refusal instanceof InvalidFields several) {
            body.setProperty("errors", several.refusals().stream()
                    .map(one -> fieldError(one.field(), one.detail())).toList());
        } else if (refusal.field() != null) {
            body.setProperty("errors", List.of(fieldError(refusal.field(), refusal.getMessage())));
        }
        // explicitly, so a client of a stream (text/event-stream) gets a problem too, not an event frame
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    static HttpStatus statusOf(DomainException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    }

    /** The codecs report a body without a declared length that outgrew their limit as a bare 413: say what. */
    @Override
    protected Mono<ResponseEntity<Object>> handleResponseStatusException(ResponseStatusException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (status.value() != HttpStatus.CONTENT_TOO_LARGE.value()) {
            return super.handleResponseStatusException(ex, headers, status, exchange);
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The body is larger than accepted (" + (ex.getCause() != null ? ex.getCause().getMessage()
                        : ex.getReason()) + ")");
        body.setTitle("Request too large");
        return Mono.just(ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Map<String, String>> errors = ex.getFieldErrors().stream()
                .map(error -> fieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        String fields = ex.getFieldErrors().stream().map(FieldError::getField).distinct()
                .collect(Collectors.joining(", "));
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid field(s): " + fields);
        body.setTitle("Invalid request");
        body.setProperty("errors", errors);
        return Mono.just(ResponseEntity.badRequest().body(body));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail body = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        body.setTitle("Unreadable request");
        JacksonException json = findCause(ex, JacksonException.class);
        if (json != null && !json.getPath().isEmpty()) {
            String field = json.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            body.setDetail("Field '" + field + "' has an unreadable or unexpected value");
            body.setProperty("errors", List.of(fieldError(field, json.getOriginalMessage())));
        } else if (json != null) {
            body.setDetail("The request body is not valid JSON: " + json.getOriginalMessage());
        } else {
            body.setDetail(ex.getReason());
            if (ex.getMethodParameter() != null && ex.getMethodParameter().getParameterName() != null) {
                body.setProperty("errors", List.of(fieldError(ex.getMethodParameter().getParameterName(),
                        String.valueOf(ex.getReason()))));
            }
        }
        return Mono.just(ResponseEntity.badRequest().body(body));
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message == null ? "invalid" : message);
    }

    private static <T extends Throwable> T findCause(Throwable throwable, Class<T> type) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
