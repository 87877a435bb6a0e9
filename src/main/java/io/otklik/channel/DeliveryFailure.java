package io.otklik.channel;

/**
 * A send did not leave. A passing failure (server unreachable, busy) is retried with backoff; a permanent one
 * (an address the server refuses) is not.
 */
public class DeliveryFailure extends RuntimeException {

    private final boolean permanent;

    public DeliveryFailure(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
