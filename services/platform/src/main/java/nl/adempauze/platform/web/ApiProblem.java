package nl.adempauze.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A refusal the API explains to its caller as an RFC 9457 problem: what went wrong and, where one field is to
 * blame, which.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final String field;

    public ApiProblem(HttpStatus status, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    public static ApiProblem notFound(String what, String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, what + " not found", what + " '" + id + "' does not exist", null);
    }

    public static ApiProblem invalidField(String field, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid field", detail, field);
    }

    /** The caller is signed in but may not do this (a foreign organisation or region, or the wrong role). */
    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "Not allowed", detail, null);
    }

    public static ApiProblem conflict(String title, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, title, detail, null);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }
}
