using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareReview.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ChildSignIns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ChildId",
                table: "AspNetUsers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_ChildId",
                table: "AspNetUsers",
                column: "ChildId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_Children_ChildId",
                table: "AspNetUsers",
                column: "ChildId",
                principalTable: "Children",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_Children_ChildId",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_ChildId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "ChildId",
                table: "AspNetUsers");
        }
    }
}
