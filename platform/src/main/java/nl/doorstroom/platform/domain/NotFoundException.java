package nl.doorstroom.platform.domain;

/** Asked for something this service does not know; answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what);
    }
}
