package nl.doorstroom.platform.admin;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A replay this processor must not do, or cannot do now; answered as 409 problem+json. */
public class ReplayRefused extends ErrorResponseException {

    public ReplayRefused(String processor, String detail) {
        super(HttpStatus.CONFLICT, problem(processor, detail), null);
    }

    private static ProblemDetail problem(String processor, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Replay refused");
        problem.setProperty("processor", processor);
        return problem;
    }
}
