/**
 * Takes directories kfboot created for itself (render workspaces, a tree being swapped in) and returns
 * nothing: small file-system helpers shared by the stages that write files.
 */
package dev.kfboot.files;
