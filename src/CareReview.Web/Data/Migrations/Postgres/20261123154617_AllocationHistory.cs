using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CareReview.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AllocationHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Allocation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: true),
                    IroId = table.Column<int>(type: "integer", nullable: true),
                    IroName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SocialWorkerId = table.Column<int>(type: "integer", nullable: true),
                    SocialWorkerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Allocation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Allocation_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Allocation_ChildId_From",
                table: "Allocation",
                columns: new[] { "ChildId", "From" });

            // Children recorded before the history existed start it with their current allocation, date unknown.
            migrationBuilder.Sql("""
                INSERT INTO "Allocation" ("ChildId", "From", "IroId", "IroName", "SocialWorkerId", "SocialWorkerName")
                SELECT c."Id", NULL, c."IroId", i."Name", c."SocialWorkerId", s."Name"
                FROM "Children" c
                LEFT JOIN "StaffMembers" i ON i."Id" = c."IroId"
                LEFT JOIN "StaffMembers" s ON s."Id" = c."SocialWorkerId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Allocation");
        }
    }
}
