package dev.aei.protocol;

/**
 * What a thread's {@link ObjectScan}s remember from one frame to the next: recent texts, recent seqs
 * and the date of recent timestamps. Kept with the thread, while the scans themselves are made fresh
 * for each run of frames. Not thread-safe.
 */
record ScanMemory(TextCache texts, SeqReader seqs, IsoBytes isoBytes) {
    ScanMemory() {
        this(new TextCache(), new SeqReader(), new IsoBytes());
    }
}
