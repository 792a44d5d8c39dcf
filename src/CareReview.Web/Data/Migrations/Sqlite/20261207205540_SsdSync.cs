using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareReview.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SsdSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CaseSystemId",
                table: "StaffMembers",
                type: "TEXT",
                maxLength: 48,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CaseSystemChange",
                table: "Children",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CaseSystemChangeOn",
                table: "Children",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CaseSystemFingerprint",
                table: "Children",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MissingUpstreamSince",
                table: "Children",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SsdSyncRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HeartbeatAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DryRun = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ChildrenRead = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildrenDone = table.Column<int>(type: "INTEGER", nullable: false),
                    Added = table.Column<int>(type: "INTEGER", nullable: false),
                    Changed = table.Column<int>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    Flagged = table.Column<int>(type: "INTEGER", nullable: false),
                    Refused = table.Column<int>(type: "INTEGER", nullable: false),
                    Merged = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SsdSyncRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SsdSyncProblems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    Table = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Row = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SsdSyncProblems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SsdSyncProblems_SsdSyncRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "SsdSyncRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StaffMembers_CaseSystemId",
                table: "StaffMembers",
                column: "CaseSystemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Children_MissingUpstreamSince",
                table: "Children",
                column: "MissingUpstreamSince");

            migrationBuilder.CreateIndex(
                name: "IX_SsdSyncProblems_RunId",
                table: "SsdSyncProblems",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_SsdSyncRuns_StartedAtUtc",
                table: "SsdSyncRuns",
                column: "StartedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_SsdSyncRuns_State",
                table: "SsdSyncRuns",
                column: "State",
                unique: true,
                filter: "\"State\" = 'Running'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SsdSyncProblems");

            migrationBuilder.DropTable(
                name: "SsdSyncRuns");

            migrationBuilder.DropIndex(
                name: "IX_StaffMembers_CaseSystemId",
                table: "StaffMembers");

            migrationBuilder.DropIndex(
                name: "IX_Children_MissingUpstreamSince",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "CaseSystemId",
                table: "StaffMembers");

            migrationBuilder.DropColumn(
                name: "CaseSystemChange",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "CaseSystemChangeOn",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "CaseSystemFingerprint",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "MissingUpstreamSince",
                table: "Children");
        }
    }
}
