// Placeholder entry point; the server is being written.
return 0;
