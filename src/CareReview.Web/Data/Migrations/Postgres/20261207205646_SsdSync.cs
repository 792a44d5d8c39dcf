using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CareReview.Web.Data.Migrations.Postgres
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
                type: "character varying(48)",
                maxLength: 48,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CaseSystemChange",
                table: "Children",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CaseSystemChangeOn",
                table: "Children",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CaseSystemFingerprint",
                table: "Children",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MissingUpstreamSince",
                table: "Children",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SsdSyncRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HeartbeatAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DryRun = table.Column<bool>(type: "boolean", nullable: false),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Failure = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ChildrenRead = table.Column<int>(type: "integer", nullable: false),
                    ChildrenDone = table.Column<int>(type: "integer", nullable: false),
                    Added = table.Column<int>(type: "integer", nullable: false),
                    Changed = table.Column<int>(type: "integer", nullable: false),
                    Unchanged = table.Column<int>(type: "integer", nullable: false),
                    Flagged = table.Column<int>(type: "integer", nullable: false),
                    Refused = table.Column<int>(type: "integer", nullable: false),
                    Merged = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SsdSyncRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SsdSyncProblems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    Table = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Row = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Field = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PersonId = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: true),
                    Message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
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
