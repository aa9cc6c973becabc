// Placeholder entry point; the console is being written.
return 0;
