using GenreNotebooks.Cli;

return GenreCli.Run(args);
