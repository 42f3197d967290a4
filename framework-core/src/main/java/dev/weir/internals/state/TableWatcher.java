package dev.weir.internals.state;

/**
 * Told when a table's contents change other than through its own writes, so that a cache
 * over the table (the timer index) can refresh what it derived from them.
 */
interface TableWatcher {

    TableWatcher NONE = new TableWatcher() {
        @Override
        public void keyReverted(byte[] key) {
        }

        @Override
        public void contentsReplaced() {
        }
    };

    /** The staged change to {@code key} was undone. */
    void keyReverted(byte[] key);

    /** Any key may have changed: staged changes were discarded or restored entries written. */
    void contentsReplaced();
}
