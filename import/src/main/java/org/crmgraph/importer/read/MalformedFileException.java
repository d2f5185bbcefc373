package org.crmgraph.importer.read;

/** The file itself is broken at a known place (encoding, quoting, structure), not just one value in it. */
public class MalformedFileException extends RuntimeException {

    private final long line;
    private final int column;

    public MalformedFileException(long line, int column, String problem) {
        super(line <= 0 ? problem : "line " + line + (column > 0 ? ", column " + column : "") + ": " + problem);
        this.line = line;
        this.column = column;
    }

    /** 1-based line in the file where the problem is; 0 when it is the file as a whole (missing, unreadable). */
    public long line() {
        return line;
    }

    /** 1-based column (character) in that line, or 0 when the whole line is at fault. */
    public int column() {
        return column;
    }
}
