"""How the engine runs: forked children, warm-up, memos, paused GC, background processes."""
