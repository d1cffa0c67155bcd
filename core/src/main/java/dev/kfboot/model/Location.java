package dev.kfboot.model;

/** Where something was read: a file (as the user would type it) and a 1-based line, 0 when unknown. */
public record Location(String file, int line) {

    public static final Location NONE = new Location(null, 0);

    public static Location of(String file) {
        return new Location(file, 0);
    }

    public boolean known() {
        return file != null;
    }

    @Override
    public String toString() {
        if (file == null) return "";
        return line > 0 ? file + ":" + line : file;
    }
}
