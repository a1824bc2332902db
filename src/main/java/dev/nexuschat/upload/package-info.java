/**
 * Uploads: files and images shared in rooms. A member asks for an upload slot, sends the bytes (to
 * this server or, with S3 storage, straight to the bucket by a presigned PUT), completes it (size
 * checked, type detected from the content, images measured, thumbnailed and stripped of their
 * location), then attaches it to one message. Only current members of the room read it. Owns the
 * uploads table, the storage of the bytes and the cleanup of orphans; the message feature links and
 * shows attachments through {@code upload.control.Attachments}.
 */
package dev.nexuschat.upload;
