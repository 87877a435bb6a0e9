package io.otklik.shared;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Turns failures of the JSON API into RFC 9457 problem+json, with a message in the caller's language and,
 * for invalid input, the fields at fault.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblems {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", text(e));
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolationException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violation", text(e));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", text(e));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "conflict", text("error.concurrent-change"));
    }

    /** Two requests raced to create the same unique thing (an email, a name): the loser is told, nothing breaks. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> duplicate(DataIntegrityViolationException e) {
        if (e.getMostSpecificCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
            return problem(HttpStatus.CONFLICT, "conflict", text("error.duplicate"));
        }
        throw e;
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", text(e));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", text("error.upload-too-large"));
    }

    @ExceptionHandler({AccessDeniedProblem.class})
    ResponseEntity<ProblemDetail> denied(AccessDeniedProblem e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", text(e));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", text("error.forbidden"));
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> invalid(BindException e) {
        List<Map<String, String>> fields = e.getFieldErrors().stream().map(this::field).toList();
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "invalid", text("error.invalid-input"));
        response.getBody().setProperty("errors", fields);
        return response;
    }

    /** Broken JSON is "unreadable"; well-formed JSON with a value of the wrong type names that field. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        String field = e.getCause() instanceof DatabindException mismatch ? pathOf(mismatch) : null;
        if (field == null) {
            return problem(HttpStatus.BAD_REQUEST, "invalid", text("error.unreadable-body"));
        }
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "invalid", text("error.invalid-input"));
        response.getBody().setProperty("errors", List.of(Map.of("field", field, "message", text("error.invalid-value"))));
        return response;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "invalid", text("error.invalid-input"));
        response.getBody().setProperty("errors",
                List.of(Map.of("field", e.getName(), "message", text("error.invalid-value"))));
        return response;
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
    ResponseEntity<ProblemDetail> missing(Exception e) {
        String name = e instanceof MissingServletRequestParameterException p ? p.getParameterName()
                : ((MissingServletRequestPartException) e).getRequestPartName();
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "invalid", text("error.invalid-input"));
        response.getBody().setProperty("errors", List.of(Map.of("field", name, "message", text("error.required"))));
        return response;
    }

    /** The JSON path of the value at fault, as {@code requester.email} or {@code tags[2]}; null for the root. */
    private static String pathOf(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private Map<String, String> field(FieldError error) {
        Locale locale = LocaleContextHolder.getLocale();
        return Map.of("field", error.getField(), "message", messages.getMessage(error, locale));
    }

    private String text(LocalizedException e) {
        return e.message(messages, LocaleContextHolder.getLocale());
    }

    private String text(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("https://otklik.io/problems/" + type));
        body.setTitle(status.getReasonPhrase());
        return ResponseEntity.status(status).contentType(PROBLEM).body(body);
    }
}
