"""How the engine runs: forked children, bounded memos, the garbage collector paused."""
