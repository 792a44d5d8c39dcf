using CareReview.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
if (CareReviewServices.Refusal(builder.Configuration, builder.Environment) is { } refusal)
{
    await Console.Error.WriteLineAsync(refusal);
    return 1;
}

builder.AddCareReview();
var app = builder.Build();

if (CommandLine.BeforeStartUp(args) is { } early)
{
    return await early(app.Services, args[1..]);
}

if (await StartUp.RunAsync(app) is { } databaseRefusal)
{
    await Console.Error.WriteLineAsync(databaseRefusal);
    return 1;
}

if (CommandLine.AfterStartUp(args) is { } command)
{
    return await command(app.Services, args[1..]);
}

app.UseCareReview();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
