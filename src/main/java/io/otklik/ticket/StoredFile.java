package io.otklik.ticket;

/** A file written to the attachment store, with the name and type it arrived with. */
record StoredFile(String fileName, String contentType, long size, String sha256) {
}
