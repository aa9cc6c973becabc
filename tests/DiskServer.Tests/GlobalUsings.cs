global using SkMcpAgent.Testing;
