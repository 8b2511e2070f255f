package nl.doorstroom.platform.instances;

/** Whether a failure, or anything it wraps (the command gateway, the listener and JPA all wrap), is of a kind. */
public final class Causes {

    private Causes() {
    }

    public static boolean include(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The same by class name, for a kind from a library this module does not take (db-scheduler's, in deadline-service). */
    public static boolean includeNamed(Throwable failure, String className) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().equals(className)) {
                return true;
            }
        }
        return false;
    }
}
