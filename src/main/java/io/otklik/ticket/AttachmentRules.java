package io.otklik.ticket;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.otklik.shared.PayloadTooLargeException;
import io.otklik.shared.RuleViolationException;

import org.springframework.web.multipart.MultipartFile;

/**
 * What files customers may send: no programs or scripts that run when opened (by name or declared type), and
 * nothing over the size limit. Checked before anything is stored, so a refused message leaves nothing behind.
 */
final class AttachmentRules {

    /** What Windows runs on a double click: programs, installers, scripts, shortcuts, control panel items. */
    private static final Set<String> RUNNABLE_EXTENSIONS = Set.of("exe", "com", "bat", "cmd", "scr", "pif", "msi",
            "msp", "msc", "jar", "js", "jse", "vbs", "vbe", "wsf", "wsh", "ps1", "hta", "cpl", "lnk", "reg");
    private static final Set<String> RUNNABLE_TYPES = Set.of("application/x-msdownload", "application/x-msdos-program",
            "application/x-ms-installer", "application/x-msi", "application/java-archive",
            "application/x-java-archive", "application/vnd.microsoft.portable-executable", "application/x-dosexec",
            "application/x-executable", "application/hta");

    private AttachmentRules() {
    }

    static void checkFromCustomer(List<NewAttachment> attachments, long maxSize) {
        for (NewAttachment attachment : attachments) {
            String name = AttachmentStore.cleanName(attachment.fileName());
            if (runnable(attachment)) {
                throw new RuleViolationException("attachment.type-refused", name);
            }
            if (attachment.content() instanceof MultipartFile file && file.getSize() > maxSize) {
                throw new PayloadTooLargeException("attachment.too-large", name, maxSize / (1024 * 1024));
            }
        }
    }

    /** Whether Windows would run the file on a double click (by its name or its declared type). */
    static boolean runnable(NewAttachment attachment) {
        String name = AttachmentStore.cleanName(attachment.fileName());
        return RUNNABLE_EXTENSIONS.contains(extensionOf(name)) || RUNNABLE_TYPES.contains(typeOf(attachment));
    }

    /** The last extension, as Windows would read it: trailing dots and spaces do not count ("a.exe." runs). */
    static String extensionOf(String name) {
        String value = name.strip().replaceAll("[.\\s]+$", "").toLowerCase(Locale.ROOT);
        int dot = value.lastIndexOf('.');
        return dot < 0 ? "" : value.substring(dot + 1);
    }

    private static String typeOf(NewAttachment attachment) {
        String type = attachment.contentType();
        if (type == null) {
            return "";
        }
        int parameters = type.indexOf(';');
        return (parameters < 0 ? type : type.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }
}
