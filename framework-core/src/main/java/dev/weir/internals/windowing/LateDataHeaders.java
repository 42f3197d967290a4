package dev.weir.internals.windowing;

/**
 * The headers on a record Weir writes to the late-data topic: where the late element's record
 * came from, which window operator found it late, and by how much.
 */
public final class LateDataHeaders {

    /** The topic the record was read from. */
    public static final String SOURCE_TOPIC = "weir.late.source.topic";
    /** The partition the record was read from. */
    public static final String SOURCE_PARTITION = "weir.late.source.partition";
    /** The record's offset in that partition. */
    public static final String SOURCE_OFFSET = "weir.late.source.offset";
    /** The uid of the window operator. */
    public static final String OPERATOR = "weir.late.operator";
    /** The element's event time. */
    public static final String TIMESTAMP = "weir.late.timestamp";
    /** The operator's watermark when the element arrived. */
    public static final String WATERMARK = "weir.late.watermark";

    private LateDataHeaders() {
    }
}
